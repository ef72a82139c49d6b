package org.rekindle.web.api;

import org.rekindle.web.config.WebProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * People's display names for the pages ({@code @people.name(id)}), from the identity directory: the issuer's
 * directory API, called with the services' client-credentials token (scope {@code directory.read}). Names are kept
 * for ten minutes. Without a directory (none configured, or it does not answer) a page shows the person's id rather
 * than failing: a name is a courtesy, access decisions never depend on it.
 */
@Component("people")
public class People {

    private static final Logger log = LoggerFactory.getLogger(People.class);
    private static final Duration KEEP = Duration.ofMinutes(10);

    private record Known(String name, String pronouns, Instant until) {
    }

    private final RestClient directory;
    private final String clientId;
    private final String secret;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private volatile String token;
    private volatile Instant tokenUntil = Instant.EPOCH;

    public People(RestClient.Builder builder, WebProperties properties) {
        boolean configured = properties.directoryUrl() != null && !properties.directoryUrl().isBlank();
        this.directory = configured ? builder.clone().baseUrl(properties.directoryUrl()).build() : null;
        this.clientId = properties.directoryClientId();
        this.secret = properties.directoryClientSecret();
    }

    /** The person's display name, or their id when the directory does not know them. */
    public String name(Object userId) {
        return userId == null ? "" : lookUp(userId.toString()).name();
    }

    /** "Sam (they/them)" where the directory has pronouns, else the name alone. */
    public String nameWithPronouns(Object userId) {
        if (userId == null) {
            return "";
        }
        Known person = lookUp(userId.toString());
        return person.pronouns() == null ? person.name() : person.name() + " (" + person.pronouns() + ")";
    }

    private Known lookUp(String id) {
        Known cached = known.get(id);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached;
        }
        Known fresh = fetch(id);
        known.put(id, fresh);
        return fresh;
    }

    @SuppressWarnings("unchecked")
    private Known fetch(String id) {
        Instant until = clock.instant().plus(KEEP);
        if (directory == null) {
            return new Known(id, null, until);
        }
        try {
            Map<String, Object> user = directory.get().uri("/api/directory/users/{id}", id)
                    .headers(h -> h.setBearerAuth(token())).retrieve().body(Map.class);
            Object name = user == null ? null : user.get("name");
            Object pronouns = user == null ? null : user.get("pronouns");
            return new Known(name == null || name.toString().isBlank() ? id : name.toString(),
                             pronouns == null ? null : pronouns.toString(), until);
        } catch (RestClientException unknownOrUnreachable) {
            log.debug("No display name for {}: {}", id, unknownOrUnreachable.toString());
            return new Known(id, null, clock.instant().plus(Duration.ofSeconds(30)));
        }
    }

    @SuppressWarnings("unchecked")
    private synchronized String token() {
        if (token != null && tokenUntil.isAfter(clock.instant())) {
            return token;
        }
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("scope", "directory.read");
        Map<String, Object> answer = directory.post().uri("/oauth2/token")
                .headers(h -> h.setBasicAuth(clientId, secret)).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form).retrieve().body(Map.class);
        token = (String) answer.get("access_token");
        long seconds = ((Number) answer.getOrDefault("expires_in", 60)).longValue();
        tokenUntil = clock.instant().plusSeconds(Math.max(10, seconds - 30));
        return token;
    }
}
