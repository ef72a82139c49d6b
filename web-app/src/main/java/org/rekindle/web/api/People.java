package org.rekindle.web.api;

import org.rekindle.platform.directory.PeopleDirectory;
import org.rekindle.web.config.WebProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * People's display names for the pages ({@code @people.name(id)}), from the identity directory
 * ({@link PeopleDirectory}: the issuer's directory API with the services' client-credentials token, kept ten
 * minutes). Without a directory a page shows the person's id rather than failing.
 */
@Component("people")
public class People {

    private final PeopleDirectory directory;

    public People(RestClient.Builder builder, WebProperties properties) {
        this.directory = new PeopleDirectory(builder, properties.directoryUrl(), properties.directoryClientId(),
                                             properties.directoryClientSecret());
    }

    /** The person's display name, or their id when the directory does not know them. */
    public String name(Object userId) {
        return userId == null ? "" : directory.name(userId.toString());
    }

    /** "Sam (they/them)" where the directory has pronouns, else the name alone. */
    public String nameWithPronouns(Object userId) {
        return userId == null ? "" : directory.person(userId.toString()).nameWithPronouns();
    }

    /**
     * The notification with its client named in its title ("client-sam: …" → "Sam Rivera: …"): notification-service
     * writes titles with ids, as it stores no personal data beyond them.
     */
    public java.util.Map<String, Object> named(java.util.Map<String, Object> notification) {
        Object clientId = notification.get("clientId");
        if (clientId == null || !(notification.get("title") instanceof String title)) {
            return notification;
        }
        java.util.Map<String, Object> named = new java.util.LinkedHashMap<>(notification);
        named.put("title", directory.naming(title, clientId.toString()));
        return named;
    }
}
