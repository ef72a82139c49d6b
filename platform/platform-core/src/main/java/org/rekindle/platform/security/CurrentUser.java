package org.rekindle.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who is calling, from the validated token only (never from a body, a path or a header of the request): the
 * subject is the user id every service uses, with roles, practice, and for a client their coach.
 */
public record CurrentUser(String id, Set<Role> roles, String practice, String coach) {

    public static Optional<CurrentUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        return Optional.of(of(token.getToken()));
    }

    public static CurrentUser of(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        return new CurrentUser(jwt.getSubject(), roles == null ? Set.of() : roles.stream()
                .filter(CurrentUser::known).map(Role::valueOf).collect(Collectors.toUnmodifiableSet()),
                               jwt.getClaimAsString("practice"), jwt.getClaimAsString("coach"));
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    /** True when this is the given client themself. */
    public boolean isClient(String clientId) {
        return is(Role.CLIENT) && id.equals(clientId);
    }

    private static boolean known(String role) {
        for (Role r : Role.values()) {
            if (r.name().equals(role)) {
                return true;
            }
        }
        return false;
    }
}
