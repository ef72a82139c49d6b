package org.rekindle.local;

import org.rekindle.platform.embedded.Ports;
import org.rekindle.platform.testing.Http;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** The whole local stack on free ports in a fresh data folder, for journeys across services. */
final class StackUnderTest {

    private StackUnderTest() {
    }

    /** Without the demo seed. */
    static LocalSettings settings(Path dataDir) {
        return LocalSettings.from(args(dataDir, "--rekindle.seed=false"), Map.of());
    }

    /** With the demo practice, as the README's first command starts it. */
    static LocalSettings seeded(Path dataDir) {
        return LocalSettings.from(args(dataDir, "--rekindle.seed=true"), Map.of());
    }

    private static String[] args(Path dataDir, String seed) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--rekindle.data-dir=" + dataDir, seed));
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (String component : java.util.List.of("kafka", "mongo", "postgres", "journal", "content", "plan",
                                                  "notification", "smtp", "inbox", "issuer", "web")) {
            int port;
            do {
                port = Ports.freePort(); // the system may hand the same free port out twice in a row
            } while (!taken.add(port));
            args.add("--rekindle." + component + ".port=" + port);
        }
        return args.toArray(String[]::new);
    }

    /**
     * The coach assigns the default program to the client, starting today in Europe/Lisbon (retried until
     * plan-service has the program from content-service's topic).
     */
    static void assignDefaultProgram(LocalStack stack, String coachToken, String client, String coach) {
        String plan = "{\"clientId\":\"" + client + "\",\"coachId\":\"" + coach
                      + "\",\"programId\":\"reconciliation-default\",\"programVersion\":1,\"startDate\":\""
                      + LocalDate.now(ZoneOffset.UTC) + "\",\"timezone\":\"Europe/Lisbon\"}";
        Http plans = http(stack.planUrl()).as(coachToken);
        await().atMost(Duration.ofSeconds(60)).until(() -> plans.post("/api/plans", plan).statusCode() == 201);
    }

    static Http http(String baseUrl) {
        return new Http(Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1)));
    }

    static String bootstrap(LocalSettings settings) {
        return "127.0.0.1:" + settings.kafkaPort();
    }

    /**
     * One more journal-service on the stack's broker and stores, in its own databases (MongoDB and PostgreSQL both
     * named {@code database}), its processors' claims held as {@code nodeId}: a second instance, or one to restart.
     */
    static org.springframework.context.ConfigurableApplicationContext journalInstance(LocalStack stack, String database,
                                                                                      String nodeId) {
        return org.rekindle.journal.app.JournalApplication.application().run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--spring.data.mongodb.uri=" + stack.mongoConnectionString(), "--rekindle.mongo.database=" + database,
                "--spring.datasource.url=" + stack.postgres().createDatabase(database),
                "--spring.datasource.username=" + org.rekindle.platform.embedded.EmbeddedPostgresServer.USER,
                "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                "--rekindle.security.issuer-uri=" + stack.issuerUrl(), "--rekindle.axon.node-id=" + nodeId,
                "--spring.main.register-shutdown-hook=false", "--spring.main.banner-mode=off");
    }

    static int port(org.springframework.context.ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
