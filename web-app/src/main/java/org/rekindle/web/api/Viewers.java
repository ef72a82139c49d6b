package org.rekindle.web.api;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The signed-in person and their access token, from their session. The token came straight from the issuer's token
 * endpoint, so its claims are read as they are; the services validate it on every call.
 */
@Component
public class Viewers {

    private static final Duration MARGIN = Duration.ofSeconds(20);

    private final OAuth2AuthorizedClientRepository clients;
    private final Clock clock = Clock.systemUTC();

    Viewers(OAuth2AuthorizedClientRepository clients) {
        this.clients = clients;
    }

    public Viewer current() {
        try {
            JWTClaimsSet claims = JWTParser.parse(accessToken()).getJWTClaimsSet();
            List<String> roles = claims.getStringListClaim("roles");
            return new Viewer(claims.getSubject(), roles == null ? Set.of() : new HashSet<>(roles),
                              claims.getStringClaim("coach"), claims.getStringClaim("practice"));
        } catch (ParseException e) {
            throw new SignInAgain();
        }
    }

    /** The person's access token; an expired one means signing in again (quietly, while the issuer remembers them). */
    public String accessToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        OAuth2AuthorizedClient client = clients.loadAuthorizedClient("rekindle", authentication, request);
        if (client == null || client.getAccessToken().getExpiresAt() == null
            || client.getAccessToken().getExpiresAt().isBefore(clock.instant().plus(MARGIN))) {
            throw new SignInAgain();
        }
        return client.getAccessToken().getTokenValue();
    }
}
