package org.rekindle.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.rekindle.platform.embedded.OidcLogin;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * The demo people log in at the local issuer as they would in a browser (authorization code + PKCE), with the
 * passwords of the issuer's own demo directory: the seed acts as each of them, never as a superuser.
 */
final class DemoLogins {

    private final OidcLogin login;
    private final Map<String, String> passwords = new HashMap<>();
    private final Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> emails = new java.util.LinkedHashMap<>();

    DemoLogins(String issuerUrl) {
        this.login = OidcLogin.web(issuerUrl);
        try (InputStream users = DemoLogins.class.getResourceAsStream("/demo-users.json")) {
            for (JsonNode user : new ObjectMapper().readTree(users)) {
                passwords.put(user.get("id").asText(), user.get("password").asText());
                boolean notified = user.path("roles").toString().contains("COACH")
                                   || user.path("roles").toString().contains("CLIENT");
                if (notified && user.hasNonNull("email")) {
                    emails.put(user.get("id").asText(), user.get("email").asText());
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the issuer's demo directory (demo-users.json) is not on the classpath", e);
        }
    }

    /** Every coach and client of the demo directory with the address the directory gives them. */
    Map<String, String> notifiedPeople() {
        return java.util.Collections.unmodifiableMap(emails);
    }

    /** A bearer token of the demo person, logged in once per seed (safe from the seed's parallel lanes). */
    String tokenOf(String userId) {
        return tokens.computeIfAbsent(userId, id -> {
            String password = passwords.get(id);
            if (password == null) {
                throw new IllegalArgumentException(id + " is not in the demo directory");
            }
            return login.accessToken(id, password);
        });
    }
}
