package org.rekindle.issuer;

import java.util.List;

/**
 * A person who can log in: their id is the token's subject and the id every service uses (e.g. client-sam).
 * A coach and a practice admin belong to a practice; a client has one coach at a time. {@code name} is how pages
 * show them; {@code pronouns} (optional, as the person writes them, e.g. "she/her") is shown beside it.
 * {@code passwordHash} (optional) is the password as Spring Security stores it ({@code {bcrypt}...}): given, the
 * issuer checks sign-ins against it; otherwise it hashes {@code password} once, at its first sign-in.
 */
public record DirectoryUser(String id, String name, String email, String password, List<String> roles,
                            String practice, String coach, String pronouns, String passwordHash) {

    public boolean is(String role) {
        return roles.contains(role);
    }
}
