package org.rekindle.web.api;

import java.util.Set;

/** Who is looking: the subject of their access token, their roles and, for a client, their coach. */
public record Viewer(String id, Set<String> roles, String coach) {

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
