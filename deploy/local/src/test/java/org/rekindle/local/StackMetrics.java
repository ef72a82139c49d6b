package org.rekindle.local;

import org.rekindle.platform.testing.Http;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every service's {@code /actuator/prometheus} on a running stack: only the scrape credential opens it, the meters
 * the dashboards and alerts need are there, they move when the system works, and no label names a person.
 */
final class StackMetrics {

    static final Path DASHBOARD = Path.of("..", "grafana", "dashboards", "rekindle.json");

    private final LocalStack stack;

    StackMetrics(LocalStack stack) {
        this.stack = stack;
    }

    Map<String, String> services() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("journal-service", stack.journalUrl());
        services.put("content-service", stack.contentUrl());
        services.put("plan-service", stack.planUrl());
        services.put("notification-service", stack.notificationUrl());
        services.put("rekindle-web", stack.webUrl());
        return services;
    }

    /** Without the credential, or with a person's token instead, the endpoint answers 401 as a problem asking for Basic. */
    void onlyTheScrapeCredentialOpensTheEndpoint(String personsToken) {
        services().forEach((service, url) -> {
            Http http = StackUnderTest.http(url);
            HttpResponse<String> refused = http.get("/actuator/prometheus");
            assertThat(refused.statusCode()).as(service + " without credential").isEqualTo(401);
            assertThat(refused.headers().firstValue("Content-Type")).as(service).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.headers().firstValue("WWW-Authenticate")).as(service).contains("Basic realm=\"metrics\"");
            assertThat(refused.body()).as(service).contains("\"status\":401").contains("scrape credential");
            assertThat(http.as(personsToken).get("/actuator/prometheus").statusCode())
                    .as(service + " with a person's token").isEqualTo(401);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                            .header("Authorization", basic("prometheus", "not-the-password"))).statusCode())
                    .as(service + " with a wrong password").isEqualTo(401);
        });
    }

    PrometheusScrape scrape(String url) {
        HttpResponse<String> response = StackUnderTest.http(url).send(HttpRequest.newBuilder(
                URI.create(url + "/actuator/prometheus"))
                .header("Authorization", basic("prometheus", LocalStack.SCRAPE_PASSWORD)));
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        keepForReading(url, response.body());
        return PrometheusScrape.parse(response.body());
    }

    Map<String, PrometheusScrape> scrapeAll() {
        Map<String, PrometheusScrape> scrapes = new LinkedHashMap<>();
        services().forEach((service, url) -> scrapes.put(service, scrape(url)));
        return scrapes;
    }

    static Set<String> exportedNames(Map<String, PrometheusScrape> scrapes) {
        Set<String> names = new TreeSet<>();
        scrapes.values().forEach(scrape -> names.addAll(scrape.names()));
        return names;
    }

    /**
     * A mood check-in (a journal command) is counted by Axon, its two parts are timed (the command, the wait for the
     * read models), then it is published: the publisher's lag is 0 again.
     */
    void aCommandMovesTheCounters(String clientToken, String client) {
        PrometheusScrape first = scrape(stack.journalUrl());
        double before = commandsHandled(first);
        double commandsTimed = writesTimed(first, "command");
        double waitsTimed = writesTimed(first, "read-models");
        Http journal = StackUnderTest.http(stack.journalUrl()).as(clientToken);
        assertThat(journal.post("/api/clients/" + client + "/journal/mood-check-ins", "{\"score\":4}").statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusScrape after = scrape(stack.journalUrl());
            assertThat(commandsHandled(after)).as("journal commands counted").isGreaterThan(before);
            assertThat(writesTimed(after, "command")).as("the write's command timed").isGreaterThan(commandsTimed);
            assertThat(writesTimed(after, "read-models")).as("its wait for the read models timed")
                                                          .isGreaterThan(waitsTimed);
            assertThat(after.sum("rekindle_processor_lag_events", labels -> "publisher".equals(labels.get("role"))))
                    .as("journal publisher lag").isZero();
            assertThat(after.named("rekindle_processor_lag_events").stream()
                            .filter(s -> "publisher".equals(s.labels().get("role"))).toList())
                    .as("the publisher's lag is measured, not missing").isNotEmpty()
                    .allSatisfy(sample -> assertThat(sample.value()).isEqualTo(0.0));
        });
    }

    private static double writesTimed(PrometheusScrape scrape, String part) {
        return scrape.sum("rekindle_journal_write_seconds_count", labels -> part.equals(labels.get("part")));
    }

    static double commandsHandled(PrometheusScrape scrape) {
        return scrape.sum("commandBus_successCounter_total", labels -> true);
    }

    /** No label value is a person's id, an email address or an id the stack made for a person's data. */
    static void noPersonInAnyLabel(Map<String, PrometheusScrape> scrapes, List<String> people) {
        scrapes.forEach((service, scrape) -> assertThat(scrape.labelValues()).as(service + " label values")
                .noneMatch(value -> value.contains("@"))
                .noneMatch(value -> people.stream().anyMatch(value::contains))
                .noneMatch(value -> value.matches(".*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*")));
    }

    /** The last scrape of each service, in target/metrics, to read what a stack exports (not asserted on). */
    private static void keepForReading(String url, String body) {
        try {
            Path folder = Path.of("target", "metrics");
            java.nio.file.Files.createDirectories(folder);
            java.nio.file.Files.writeString(folder.resolve(url.replaceAll("\\W+", "_") + ".prom"), body);
        } catch (java.io.IOException notKept) {
            // only for reading; the assertions do not depend on it
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
