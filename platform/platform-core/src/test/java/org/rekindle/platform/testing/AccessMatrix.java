package org.rekindle.platform.testing;

import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The object-level authorization matrix (OWASP API1) of one service: every API endpoint × every kind of caller ×
 * own / someone else's object, with the expected outcome. An endpoint the service maps but the matrix does not list
 * fails the test, so a new endpoint cannot ship without its access decided.
 */
public final class AccessMatrix {

    /** Who calls, relative to the objects in the request's path. */
    public enum Caller {
        ANONYMOUS, OWNER, OTHER_CLIENT, OWN_COACH, OTHER_COACH, ADMIN
    }

    /** One endpoint: its mapping, a concrete request on the fixture's objects, and who may call it. */
    public record Row(String method, String pattern, String path, String body, Set<Caller> allowed) {

        String endpoint() {
            return method + " " + pattern;
        }
    }

    public static Row row(String method, String pattern, String path, String body, Caller... allowed) {
        return new Row(method, pattern, path, body, allowed.length == 0 ? EnumSet.noneOf(Caller.class)
                                                                        : EnumSet.copyOf(List.of(allowed)));
    }

    private AccessMatrix() {
    }

    /** Every {@code /api} endpoint the service maps is listed in the matrix, and nothing else is. */
    public static void assertEveryEndpointIsListed(RequestMappingHandlerMapping mapping, List<Row> rows) {
        Set<String> mapped = new TreeSet<>();
        mapping.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(pattern -> pattern.startsWith("/api/"))
                .forEach(pattern -> info.getMethodsCondition().getMethods()
                                        .forEach(method -> mapped.add(method.name() + " " + pattern))));
        Set<String> listed = rows.stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));
        assertThat(mapped).as("endpoints the service maps vs. the access matrix (list new endpoints with their "
                              + "allowed callers)").isEqualTo(listed);
    }

    /**
     * Calls every row as every caller and checks: no token is 401; an allowed caller is never 401/403; anyone else
     * gets 403 or 404. Every failure is reported at once.
     */
    public static void assertOutcomes(String baseUrl, Map<Caller, String> tokens, List<Row> rows) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> failures = new ArrayList<>();
        for (Row row : rows) {
            for (Caller caller : Caller.values()) {
                int status = status(http, baseUrl, row, caller == Caller.ANONYMOUS ? null : tokens.get(caller));
                boolean ok = caller == Caller.ANONYMOUS ? status == 401
                             : row.allowed().contains(caller) ? status != 401 && status != 403
                             : status == 403 || status == 404;
                if (!ok) {
                    failures.add(row.endpoint() + " as " + caller + " -> " + status + " (expected "
                                 + (caller == Caller.ANONYMOUS ? "401" : row.allowed().contains(caller)
                                                                         ? "allowed" : "403/404") + ")");
                }
            }
        }
        assertThat(failures).as("access matrix outcomes").isEmpty();
    }

    private static int status(HttpClient http, String baseUrl, Row row, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + row.path()))
                .timeout(Duration.ofSeconds(20))
                .method(row.method(), row.body() == null ? HttpRequest.BodyPublishers.noBody()
                                                         : HttpRequest.BodyPublishers.ofString(row.body()));
        if (row.body() != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            // Headers only: a live stream (server-sent events) answers its status and then stays open.
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return response.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(row.endpoint() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
