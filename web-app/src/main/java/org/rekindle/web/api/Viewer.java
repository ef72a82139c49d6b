package org.rekindle.web.api;

import java.util.Set;

/**
 * Who is looking: the subject of their access token, their roles, for a client their coach, and the practice they
 * belong to (null when the token names none).
 */
public record Viewer(String id, Set<String> roles, String coach, String practice) {

    /** Someone whose practice does not matter to the page. */
    public Viewer(String id, Set<String> roles, String coach) {
        this(id, roles, coach, null);
    }

    public boolean isCoach() {
        return roles.contains("COACH");
    }

    public boolean isClient() {
        return roles.contains("CLIENT");
    }

    public boolean isAdmin() {
        return roles.contains("PRACTICE_ADMIN");
    }
}
