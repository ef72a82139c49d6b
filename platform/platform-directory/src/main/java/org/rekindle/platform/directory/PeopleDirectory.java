package org.rekindle.platform.directory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
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
 * People's display names and pronouns from the identity directory: the issuer's directory API
 * ({@code GET /api/directory/users/{id}}), called with a client-credentials token (scope {@code directory.read}).
 * Answers are kept for ten minutes. Without a directory (none configured, or it does not answer, or it does not know
 * the person) a person is named by their id: a name is a courtesy, and access decisions never depend on it.
 */
public class PeopleDirectory {

    private static final Logger log = LoggerFactory.getLogger(PeopleDirectory.class);
    private static final Duration KEEP = Duration.ofMinutes(10);
    private static final Duration RETRY_UNKNOWN = Duration.ofSeconds(30);

    private record Known(Person person, Instant until) {
    }

    private final RestClient directory;
    private final String clientId;
    private final String secret;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private volatile String token;
    private volatile Instant tokenUntil = Instant.EPOCH;

    /** {@code url} empty or null: no directory, everyone is named by their id. */
    public PeopleDirectory(RestClient.Builder builder, String url, String clientId, String secret) {
        this.directory = url == null || url.isBlank() ? null
                         : builder.clone().requestFactory(timeouts()).baseUrl(url).build();
        this.clientId = clientId;
        this.secret = secret;
    }

    /** A directory that hangs must not hang a page or an export: a name is not worth the wait. */
    private static SimpleClientHttpRequestFactory timeouts() {
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(2));
        factory.setReadTimeout(Duration.ofSeconds(5));
        return factory;
    }

    /** The person as the directory knows them, or by their id alone. */
    public Person person(String id) {
        Known cached = known.get(id);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.person();
        }
        Known fresh = fetch(id);
        known.put(id, fresh);
        return fresh.person();
    }

    /** The person's display name, or their id when the directory does not know them. */
    public String name(String id) {
        return person(id).name();
    }

    /**
     * The text with the person's id replaced by their display name ("client-sam: …" → "Sam Rivera: …"), for texts
     * stored with ids; the text as it is when it does not hold the id.
     */
    public String naming(String text, String id) {
        return id == null || text == null || !text.contains(id) ? text : text.replace(id, name(id));
    }

    @SuppressWarnings("unchecked")
    private Known fetch(String id) {
        if (directory == null) {
            return new Known(Person.unknown(id), clock.instant().plus(KEEP));
        }
        try {
            Map<String, Object> user = directory.get().uri("/api/directory/users/{id}", id)
                    .headers(h -> h.setBearerAuth(token())).retrieve().body(Map.class);
            Object name = user == null ? null : user.get("name");
            Object pronouns = user == null ? null : user.get("pronouns");
            return new Known(new Person(id, name == null || name.toString().isBlank() ? id : name.toString(),
                                        pronouns == null || pronouns.toString().isBlank() ? null : pronouns.toString()),
                             clock.instant().plus(KEEP));
        } catch (RestClientException unknownOrUnreachable) {
            log.debug("No display name for {}: {}", id, unknownOrUnreachable.toString());
            return new Known(Person.unknown(id), clock.instant().plus(RETRY_UNKNOWN));
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
        if (answer == null || !(answer.get("access_token") instanceof String issued)) {
            throw new RestClientException("the directory's token endpoint gave no access token");
        }
        token = issued;
        long seconds = ((Number) answer.getOrDefault("expires_in", 60)).longValue();
        tokenUntil = clock.instant().plusSeconds(Math.max(10, seconds - 30));
        return token;
    }
}
