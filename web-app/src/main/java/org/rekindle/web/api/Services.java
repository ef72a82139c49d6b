package org.rekindle.web.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.rekindle.web.config.WebProperties;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The four services, called as the signed-in person (their own token on every call), so each service decides
 * access exactly as it would for any other client of its API. Answers come back as maps and lists for the pages.
 */
@Component
public class Services {

    public enum Service { JOURNAL, CONTENT, PLAN, NOTIFICATION }

    private final Map<Service, RestClient> clients;

    Services(RestClient.Builder builder, WebProperties urls, Viewers viewers, ObjectMapper json) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(30));
        RestClient.Builder asViewer = builder.requestFactory(timeouts)
                .requestInterceptor((request, body, execution) -> {
                    request.getHeaders().setBearerAuth(viewers.accessToken());
                    return execution.execute(request, body);
                })
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    throw ServiceProblem.from(response.getStatusCode().value(), response.getBody().readAllBytes(),
                                              json);
                });
        this.clients = Map.of(Service.JOURNAL, asViewer.clone().baseUrl(urls.journalUrl()).build(),
                              Service.CONTENT, asViewer.clone().baseUrl(urls.contentUrl()).build(),
                              Service.PLAN, asViewer.clone().baseUrl(urls.planUrl()).build(),
                              Service.NOTIFICATION, asViewer.clone().baseUrl(urls.notificationUrl()).build());
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(Service service, String path, Object... variables) {
        return call(() -> clients.get(service).get().uri(path, variables).retrieve().body(Map.class));
    }

    /** The object, or null when the service says there is none (404). */
    public Map<String, Object> objectOrNull(Service service, String path, Object... variables) {
        try {
            return object(service, path, variables);
        } catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                return null;
            }
            throw problem;
        }
    }

    /** The object, or null when there is none (404) or the owner keeps it from this viewer (403, e.g. consent). */
    public Map<String, Object> objectIfVisible(Service service, String path, Object... variables) {
        try {
            return objectOrNull(service, path, variables);
        } catch (ServiceProblem problem) {
            if (problem.status() == 403) {
                return null;
            }
            throw problem;
        }
    }

    /** The list, or an empty one when the service says its owner has none yet (404: no journal written so far). */
    public List<Map<String, Object>> listOrEmpty(Service service, String path, Object... variables) {
        try {
            return list(service, path, variables);
        } catch (ServiceProblem problem) {
            if (problem.status() == 404) {
                return List.of();
            }
            throw problem;
        }
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> list(Service service, String path, Object... variables) {
        return call(() -> clients.get(service).get().uri(path, variables).retrieve().body(List.class));
    }

    public byte[] download(Service service, String path, Object... variables) {
        return call(() -> clients.get(service).get().uri(path, variables).retrieve().body(byte[].class));
    }

    /** A write; the answer's body (if any) as a map. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> send(Service service, String method, String path, Object body, Object... variables) {
        return call(() -> {
            RestClient.RequestBodySpec request = clients.get(service).method(
                    org.springframework.http.HttpMethod.valueOf(method)).uri(path, variables);
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body);
            }
            Map<String, Object> answer = request.retrieve().body(Map.class);
            return answer == null ? Map.of() : answer;
        });
    }

    public Map<String, Object> post(Service service, String path, Object body, Object... variables) {
        return send(service, "POST", path, body, variables);
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ResourceAccessException e) {
            throw new ServiceProblem(503, "Part of Rekindle is not answering just now. Please try again in a moment.",
                                     List.of());
        }
    }
}
