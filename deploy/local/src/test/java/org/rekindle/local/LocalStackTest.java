package org.rekindle.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.rekindle.platform.embedded.OidcLogin;
import org.rekindle.platform.embedded.PortInUseException;
import org.rekindle.platform.embedded.Ports;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The README's first command, in-process: starts, seeds once, keeps data across a restart, stops cleanly. */
class LocalStackTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private String token;

    @Test
    void startsSeedsTheDemoPracticeOnceAndKeepsItAcrossARestart(@TempDir Path dataDir) throws Exception {
        LocalSettings settings = settings(dataDir);
        int entriesOfSam;
        ByteArrayOutputStream firstStart = new ByteArrayOutputStream();
        try (LocalStack stack = new LocalStack(settings, printingTo(firstStart))) {
            stack.start();
            startPrintedEachComponentTheSeedsProgressAndReady(firstStart.toString(StandardCharsets.UTF_8),
                                                              stack.webUrl());
            token = OidcLogin.web(stack.issuerUrl()).accessToken(DemoPractice.SAM, "demo-sam");
            String sam = stack.journalUrl() + "/api/clients/" + DemoPractice.SAM;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode streak = get(sam + "/streak");
                assertThat(streak.get("active").asBoolean()).isTrue();
                assertThat(streak.at("/attempts/0/days").asInt()).isEqualTo(8);
                assertThat(streak.get("currentStreakDays").asInt()).isBetween(19, 21);
                assertThat(get(sam + "/journal/entries?limit=500").size()).isEqualTo(18);
                assertThat(get(sam + "/contact-log").size()).isEqualTo(8);
            });
            entriesOfSam = get(sam + "/journal/entries?limit=500").size();
            for (String[] person : new String[][]{{"coach-maya", "demo-maya", "maya"}, {"coach-leo", "demo-leo", "leo"},
                                                  {"client-alex", "demo-alex", "alex"}, {"client-sam", "demo-sam", "sam"}}) {
                token = OidcLogin.web(stack.issuerUrl()).accessToken(person[0], person[1]);
                assertThat(get(stack.notificationUrl() + "/api/preferences/" + person[0]).get("email").asText())
                        .as("every demo coach and client can be emailed").isEqualTo(person[2] + "@rekindle.local");
            }
            token = OidcLogin.web(stack.issuerUrl()).accessToken(DemoPractice.JORDAN, "demo-jordan");
            JsonNode jordan = get(stack.journalUrl() + "/api/clients/" + DemoPractice.JORDAN + "/streak");
            assertThat(jordan.get("active").asBoolean()).isFalse();
            assertThat(jordan.get("longestStreakDays").asInt()).isEqualTo(22);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    get(stack.contentUrl() + "/api/programs?status=PUBLISHED").findValuesAsText("programId"))
                    .contains("reconciliation-default", "moving-on-default"));
            token = OidcLogin.web(stack.issuerUrl()).accessToken(DemoPractice.SAM, "demo-sam");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                JsonNode plans = get(stack.planUrl() + "/api/plans?clientId=" + DemoPractice.SAM);
                assertThat(plans).hasSize(1);
                assertThat(stepStatuses(plans.get(0))).as("Sam's journal history completed plan steps")
                        .containsEntry("understand-why", "COMPLETED").containsEntry("own-your-part", "COMPLETED")
                        .containsEntry("apology-draft", "COMPLETED").containsEntry("reopen-contact", "OPEN");
            });
            token = OidcLogin.web(stack.issuerUrl()).accessToken(DemoPractice.COACH, "demo-maya");
            JsonNode calendar = get(stack.journalUrl() + "/api/coaches/" + DemoPractice.COACH + "/calendar");
            assertThat(calendar.get("slots")).as("weekdays at 10:00 and 16:00").hasSize(10);
            assertThat(calendar.get("zone").asText()).isEqualTo(DemoPractice.CALENDAR_ZONE);
            assertThat(calendar.get("upcoming")).as("nothing booked by the seed").isEmpty();
            token = OidcLogin.web(stack.issuerUrl()).accessToken(DemoPractice.SAM, "demo-sam");
            everyServiceExportsItsMetrics(stack);
            entriesOfSam = get(sam + "/journal/entries?limit=500").size();
        }

        ByteArrayOutputStream secondStart = new ByteArrayOutputStream();
        try (LocalStack again = new LocalStack(settings, printingTo(secondStart))) {
            again.start();
            assertThat(secondStart.toString(StandardCharsets.UTF_8)).as("no initdb and no seed the second time")
                    .contains("PostgreSQL up (").doesNotContain("initdb").doesNotContain("seeding demo practice")
                    .contains("ready in ");
            token = OidcLogin.web(again.issuerUrl()).accessToken(DemoPractice.SAM, "demo-sam");
            String sam = again.journalUrl() + "/api/clients/" + DemoPractice.SAM;
            assertThat(get(sam + "/journal/entries?limit=500").size()).isEqualTo(entriesOfSam);
            assertThat(get(sam + "/contact-log").size()).isEqualTo(8);
            assertThat(get(again.planUrl() + "/api/plans?clientId=" + DemoPractice.SAM)).as("one plan, not two")
                    .hasSize(1);
            assertThat(get(again.contentUrl() + "/api/programs/reconciliation-default").get("latestVersion").asInt())
                    .as("default programs are published once, not again on restart").isEqualTo(1);
        }
    }

    private static StartupReport printingTo(ByteArrayOutputStream printed) {
        return new StartupReport(new PrintStream(printed, true, StandardCharsets.UTF_8), System::nanoTime,
                                 Duration.ofSeconds(3));
    }

    /** A first start says each component as it comes up, initdb, the seed's steps up to all of them, then ready. */
    private static void startPrintedEachComponentTheSeedsProgressAndReady(String printed, String webUrl) {
        System.out.print(printed);
        List<String> lines = printed.lines().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).matches("rekindle-local \\[ *\\d+\\.\\d s\\] .+"));
        // the infrastructure and the issuer start side by side, then the services (in no fixed order), then the seed
        List<String> infrastructure = List.of("MongoDB-wire server up (", "PostgreSQL (initdb) up (", "Kafka broker up (",
                                              "OIDC issuer up (", "SMTP server and inbox up (");
        List<String> services = List.of("journal-service up (", "content-service up (",
                                        "plan-service up (", "notification-service up (", "web app up (");
        int lastInfrastructure = infrastructure.stream().mapToInt(component -> indexOf(lines, component)).max().orElseThrow();
        int firstService = services.stream().mapToInt(component -> indexOf(lines, component)).min().orElseThrow();
        for (String component : infrastructure) {
            assertThat(indexOf(lines, component)).as(component).isNotNegative();
        }
        assertThat(firstService).as("every service starts after the infrastructure").isGreaterThan(lastInfrastructure);
        int at = services.stream().mapToInt(component -> indexOf(lines, component)).max().orElseThrow();
        assertThat(indexOf(lines, "PostgreSQL: first start, creating its data folder (initdb)")).isNotNegative();
        Matcher seeded = Pattern.compile("seeding demo practice: (\\d+)/(\\d+) steps$")
                .matcher(lines.stream().filter(line -> line.contains("seeding demo practice")).reduce((a, b) -> b)
                              .orElseThrow());
        assertThat(seeded.find()).isTrue();
        assertThat(seeded.group(1)).as("the last seed line counts every step").isEqualTo(seeded.group(2));
        assertThat(Integer.parseInt(seeded.group(2))).isGreaterThan(20);
        assertThat(indexOf(lines, "seeding demo practice: 0/")).isGreaterThan(at);
        assertThat(lines.get(lines.size() - 1)).matches(".*\\] ready in \\d+ s at " + Pattern.quote(webUrl));
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(part)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * On the same running stack (no second one): each service's metrics, behind the scrape credential, with the names
     * the dashboard queries, moving after a journal command, and naming nobody.
     */
    private void everyServiceExportsItsMetrics(LocalStack stack) throws Exception {
        StackMetrics metrics = new StackMetrics(stack);
        metrics.onlyTheScrapeCredentialOpensTheEndpoint(token);
        metrics.aCommandMovesTheCounters(token, DemoPractice.SAM);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, PrometheusScrape> scrapes = metrics.scrapeAll();
            scrapes.forEach((service, scrape) -> assertThat(scrape.names()).as(service)
                    .contains("http_server_requests_seconds_count", "jvm_memory_used_bytes"));
            for (String eventSourced : List.of("journal-service", "content-service", "plan-service")) {
                assertThat(scrapes.get(eventSourced).names()).as(eventSourced)
                        .contains("rekindle_processor_lag_events", "rekindle_processor_lag_age_seconds",
                                  "commandBus_successCounter_total", "eventProcessor_latency");
            }
            assertThat(scrapes.get("rekindle-web").named("jvm_memory_used_bytes")).as("the web app's own, tagged")
                    .isNotEmpty().allSatisfy(sample -> assertThat(sample.labels())
                            .containsEntry("service", "rekindle-web"));
            assertThat(scrapes.get("plan-service").named("rekindle_processor_lag_records"))
                    .as("the coach dashboard's lag behind Kafka")
                    .anySatisfy(sample -> assertThat(sample.labels()).containsEntry("processor", "coach-dashboard"));
            assertThat(scrapes.get("notification-service").names()).contains("rekindle_notifications_raised_total",
                    "rekindle_notifications_deliveries_total", "rekindle_notifications_delivery_latency_seconds_count",
                    "rekindle_kafka_consumer_lag_records", "rekindle_schedule_backlog",
                    "kafka_consumer_fetch_manager_records_lag_max");
            assertThat(StackMetrics.exportedNames(scrapes)).as("every metric the Grafana dashboard queries")
                    .containsAll(DashboardQueries.metricNames(StackMetrics.DASHBOARD));
            StackMetrics.noPersonInAnyLabel(scrapes, List.of(DemoPractice.SAM, DemoPractice.PRIYA,
                    DemoPractice.JORDAN, DemoPractice.COACH, "coach-leo", "client-alex"));
        });
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Kafka, rekindle.kafka.port, REKINDLE_KAFKA_PORT",
                "PostgreSQL, rekindle.postgres.port, REKINDLE_POSTGRES_PORT",
                "MongoDB, rekindle.mongo.port, REKINDLE_MONGO_PORT"})
    void aTakenPortIsNamedWithTheSettingThatChangesIt(String component, String setting, String env,
                                                      @TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> ports = new java.util.LinkedHashMap<>();
            for (String name : List.of("kafka", "mongo", "postgres", "journal", "content", "plan", "notification",
                                       "smtp", "inbox", "issuer", "web")) {
                ports.put("rekindle." + name + ".port", String.valueOf(Ports.freePort()));
            }
            ports.put(setting, String.valueOf(taken.getLocalPort()));
            List<String> args = new java.util.ArrayList<>(List.of("--rekindle.data-dir=" + dataDir));
            ports.forEach((name, port) -> args.add("--" + name + "=" + port));
            LocalSettings settings = LocalSettings.from(args.toArray(String[]::new), Map.of());
            try (LocalStack stack = new LocalStack(settings)) {
                assertThatThrownBy(stack::start).isInstanceOf(PortInUseException.class)
                        .hasMessageContaining(String.valueOf(taken.getLocalPort()))
                        .hasMessageContaining(component)
                        .hasMessageContaining("--" + setting + "=")
                        .hasMessageContaining(env);
            }
        }
    }

    @Test
    void settingsComeFromArgumentsThenEnvironmentThenDefaults() {
        LocalSettings defaults = LocalSettings.from(new String[0], Map.of());
        assertThat(defaults.kafkaPort()).isEqualTo(9092);
        assertThat(defaults.mongoPort()).isEqualTo(27017);
        assertThat(defaults.postgresPort()).isEqualTo(5432);
        assertThat(defaults.journalPort()).isEqualTo(8081);
        assertThat(defaults.contentPort()).isEqualTo(8082);
        assertThat(defaults.planPort()).isEqualTo(8083);
        assertThat(defaults.notificationPort()).isEqualTo(8084);
        assertThat(defaults.smtpPort()).isEqualTo(1025);
        assertThat(defaults.inboxPort()).isEqualTo(8025);
        assertThat(defaults.issuerPort()).isEqualTo(9000);
        assertThat(defaults.webPort()).isEqualTo(8080);
        LocalSettings fromEnv = LocalSettings.from(new String[]{"--rekindle.mongo.port=27018"},
                                                   Map.of("REKINDLE_MONGO_PORT", "1", "REKINDLE_KAFKA_PORT", "9093"));
        assertThat(fromEnv.mongoPort()).isEqualTo(27018);
        assertThat(fromEnv.kafkaPort()).isEqualTo(9093);
        assertThatThrownBy(() -> LocalSettings.from(new String[]{"--rekindle.kafka.port=kafka"}, Map.of()))
                .hasMessageContaining("rekindle.kafka.port");
    }

    private static Map<String, String> stepStatuses(JsonNode plan) {
        Map<String, String> statuses = new java.util.HashMap<>();
        plan.get("steps").forEach(step -> statuses.put(step.get("stepId").asText(), step.get("status").asText()));
        return statuses;
    }

    private static LocalSettings settings(Path dataDir) {
        return StackUnderTest.seeded(dataDir);
    }

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                                                             .header("Authorization", "Bearer " + token).GET().build(),
                                                  HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url + " " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
