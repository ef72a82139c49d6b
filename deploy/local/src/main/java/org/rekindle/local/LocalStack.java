package org.rekindle.local;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.rekindle.content.app.ContentApplication;
import org.rekindle.issuer.IssuerApplication;
import org.rekindle.journal.app.JournalApplication;
import org.rekindle.web.WebApplication;
import org.rekindle.notification.app.NotificationApplication;
import org.rekindle.plan.app.PlanApplication;
import org.rekindle.platform.embedded.EmbeddedKafka;
import org.rekindle.platform.embedded.EmbeddedMongo;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;
import org.rekindle.platform.embedded.EmbeddedSmtp;
import org.rekindle.platform.embedded.PortInUseException;
import org.rekindle.platform.embedded.Ports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The embedded default: a real Kafka broker (KRaft), a real PostgreSQL server (the event stores, one database per
 * event-sourced service) and the MongoDB-wire server (read models, schedules, feeds, keys), each keeping its data on
 * disk, every service in this JVM, and a seeded demo practice. Ctrl-C stops everything in order; data survives
 * restarts.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    /** The event-sourced services, each with its own database of the same name; notification-service has none. */
    static final List<String> EVENT_STORES = List.of("journal", "content", "plan");

    /**
     * Prometheus's credential for every service's {@code /actuator/prometheus} (user {@code prometheus}); a
     * development value, like compose's, for a stack that listens on 127.0.0.1 only.
     */
    static final String SCRAPE_PASSWORD = "metrics-dev-secret";

    private final LocalSettings settings;
    private final StartupReport report;
    private EmbeddedMongo mongo;
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafka kafka;
    private EmbeddedSmtp smtp;
    private final List<ConfigurableApplicationContext> services = new CopyOnWriteArrayList<>();

    LocalStack(LocalSettings settings) {
        this(settings, StartupReport.toConsole());
    }

    LocalStack(LocalSettings settings, StartupReport report) {
        this.settings = settings;
        this.report = report;
    }

    public static void main(String[] args) {
        LocalSettings settings;
        try {
            settings = LocalSettings.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("rekindle-local: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalStack stack = new LocalStack(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "rekindle-local-shutdown"));
        try {
            stack.start();
        } catch (PortInUseException | IllegalArgumentException | LegacyEventStoreMigration.Refusal e) {
            System.err.println("rekindle-local: " + e.getMessage());
            stack.close();
            System.exit(2);
        } catch (RuntimeException e) {
            log.error("The local stack failed to start", e);
            stack.close();
            System.exit(1);
        }
    }

    /**
     * Starts everything, seeds the demo practice (once per data folder) and prints where to find it, saying each
     * component's start and the seed's progress as it goes ({@link StartupReport}).
     */
    void start() {
        EmbeddedPostgresServer.stopLeftOverServer(postgresDataDir()); // a killed launcher's server holds the port
        requirePortsFree();
        report.say("starting in " + settings.dataDir());
        // The issuer needs none of the stores, so it starts beside them. PostgreSQL (initdb the first time) runs as
        // processes of its own, and Kafka's start waits on its own threads, so the three overlap on two cores.
        java.util.concurrent.CompletableFuture<ConfigurableApplicationContext> issuer = startIssuerBesideStores();
        try {
            InParallel.start(List.<Supplier<Object>>of(this::startPostgresWithDatabases, this::startMongoAndKafka),
                             started -> { });
        } finally {
            services.add(joined(issuer)); // first in, last out: close() stops the issuer after the services
        }
        copyEventStoresWrittenBeforePostgres();
        smtp = report.up("SMTP server and inbox", () -> EmbeddedSmtp.start(settings.smtpPort(), settings.inboxPort()));
        java.util.concurrent.CompletableFuture<ConfigurableApplicationContext> webApp = startServices();
        String seedResult;
        try {
            seedResult = settings.seed()
                    ? new DemoSeeder(mongo.connectionString(), journalUrl(), planUrl(), notificationUrl(),
                                     new DemoLogins(issuerUrl()), report).seedOnce()
                    : "demo data not seeded (--" + LocalSettings.SEED + "=false)";
        } finally {
            services.add(joined(webApp)); // started or failed, it is stopped with the rest
        }
        System.out.println(banner(report.elapsed(), seedResult));
        report.ready(webUrl());
    }

    private Object startPostgresWithDatabases() {
        boolean firstStart = !java.nio.file.Files.exists(postgresDataDir().resolve("PG_VERSION"));
        if (firstStart) {
            report.say("PostgreSQL: first start, creating its data folder (initdb) and the event store databases");
        }
        return report.up("PostgreSQL" + (firstStart ? " (initdb)" : ""), () -> {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.startOnDisk(postgresDataDir(),
                                                                               settings.postgresPort());
            synchronized (this) {
                postgres = server; // from here close() stops it, even if Kafka failed meanwhile
            }
            EVENT_STORES.forEach(server::createDatabase);
            return server;
        });
    }

    private Object startMongoAndKafka() {
        EmbeddedMongo started = report.up("MongoDB-wire server", () -> EmbeddedMongo.startOnDisk(
                settings.dataDir().resolve("mongo"), settings.mongoPort()));
        synchronized (this) {
            mongo = started;
        }
        EmbeddedKafka broker = report.up("Kafka broker", () -> EmbeddedKafka.start(settings.dataDir().resolve("kafka"),
                                                                                 settings.kafkaPort()));
        synchronized (this) {
            kafka = broker;
        }
        return broker;
    }

    /**
     * The OIDC issuer on a thread of its own, started while the stores come up. Spring Boot's logging set-up is
     * switched off for every context (the stack's logback.xml configures logging once for the JVM), as several
     * contexts re-initialising one Logback at once can leave it muted.
     */
    private java.util.concurrent.CompletableFuture<ConfigurableApplicationContext> startIssuerBesideStores() {
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
        return inBackground("rekindle-start-issuer", () -> report.up("OIDC issuer", () -> IssuerApplication.application().run(
                "--server.port=" + settings.issuerPort(),
                "--server.address=127.0.0.1", "--rekindle.issuer.url=" + issuerUrl(),
                "--rekindle.issuer.web-redirect-uris=" + webUrl() + "/login/callback,http://127.0.0.1/callback",
                "--rekindle.issuer.web-post-logout-uris=" + webUrl() + "/signed-out",
                "--spring.main.register-shutdown-hook=false", "--logging.register-shutdown-hook=false",
                "--spring.main.banner-mode=off")));
    }

    private static java.util.concurrent.CompletableFuture<ConfigurableApplicationContext> inBackground(
            String threadName, Supplier<ConfigurableApplicationContext> start) {
        java.util.concurrent.CompletableFuture<ConfigurableApplicationContext> started =
                new java.util.concurrent.CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                started.complete(start.get());
            } catch (Throwable failure) {
                started.completeExceptionally(failure);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    private static <T> T joined(java.util.concurrent.CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * The four services, {@link InParallel#lanes()} at a time, then the web app on a thread of its own, returned while
     * it starts: the demo seed needs only the services, so it runs while the web app comes up. None needs another to
     * start: the services fetch the issuer's keys on the first request, and the web app names the issuer's endpoints
     * itself.
     */
    private java.util.concurrent.CompletableFuture<ConfigurableApplicationContext> startServices() {
        List<Supplier<ConfigurableApplicationContext>> starts = List.of(
                () -> report.up("journal-service", () -> JournalApplication.application().run(
                        withExportSources(serviceArgs(settings.journalPort(), "journal")))),
                () -> report.up("content-service", () -> ContentApplication.application().run(
                        serviceArgs(settings.contentPort(), "content"))),
                () -> report.up("plan-service", () -> PlanApplication.application().run(
                        serviceArgs(settings.planPort(), "plan"))),
                () -> report.up("notification-service", () -> NotificationApplication.application().run(
                        withMail(serviceArgs(settings.notificationPort(), "notification")))));
        InParallel.start(starts, services::add);
        return inBackground("rekindle-start-web", () -> report.up("web app",
                                                                 () -> WebApplication.application().run(webArgs())));
    }

    private java.nio.file.Path postgresDataDir() {
        return settings.dataDir().resolve("postgres");
    }

    /** A data folder from before the event stores moved to PostgreSQL: its events are copied once, before any service. */
    private void copyEventStoresWrittenBeforePostgres() {
        try (MongoClient legacy = MongoClients.create(mongo.connectionString())) {
            for (String database : EVENT_STORES) {
                LegacyEventStoreMigration.copyIfNeeded(legacy, database, postgres.jdbcUrl(database),
                                                       EmbeddedPostgresServer.USER); // logs what it did
            }
        }
    }

    String journalUrl() {
        return "http://127.0.0.1:" + settings.journalPort();
    }

    String contentUrl() {
        return "http://127.0.0.1:" + settings.contentPort();
    }

    String planUrl() {
        return "http://127.0.0.1:" + settings.planPort();
    }

    String webUrl() {
        return "http://127.0.0.1:" + settings.webPort();
    }

    String issuerUrl() {
        return "http://127.0.0.1:" + settings.issuerPort();
    }

    String notificationUrl() {
        return "http://127.0.0.1:" + settings.notificationPort();
    }

    String mongoConnectionString() {
        return mongo.connectionString();
    }

    EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** Fault injection (the fault suite): PostgreSQL is killed with SIGKILL, as a crash would. */
    synchronized void killPostgres() {
        postgres.crash();
    }

    /** PostgreSQL comes back on the same port with the same data (crash recovery from its write-ahead log). */
    synchronized void startPostgres() {
        postgres = EmbeddedPostgresServer.startOnDisk(postgresDataDir(), settings.postgresPort());
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Fault injection (the fault suite): the broker goes away; the services keep running and retrying. */
    synchronized void stopKafka() {
        kafka.stop();
    }

    /** The broker comes back on the same port with the same data (topics, offsets). */
    synchronized void startKafka() {
        kafka = EmbeddedKafka.start(settings.dataDir().resolve("kafka"), settings.kafkaPort());
    }

    EmbeddedSmtp smtp() {
        return smtp;
    }

    private void requirePortsFree() {
        Map<Integer, String> owners = new LinkedHashMap<>();
        requireFree(owners, settings.kafkaPort(), "Kafka broker", LocalSettings.KAFKA_PORT);
        requireFree(owners, settings.mongoPort(), "MongoDB-wire server", LocalSettings.MONGO_PORT);
        requireFree(owners, settings.postgresPort(), "PostgreSQL", LocalSettings.POSTGRES_PORT);
        requireFree(owners, settings.journalPort(), "journal-service", LocalSettings.JOURNAL_PORT);
        requireFree(owners, settings.contentPort(), "content-service", LocalSettings.CONTENT_PORT);
        requireFree(owners, settings.planPort(), "plan-service", LocalSettings.PLAN_PORT);
        requireFree(owners, settings.notificationPort(), "notification-service", LocalSettings.NOTIFICATION_PORT);
        requireFree(owners, settings.issuerPort(), "OIDC issuer", LocalSettings.ISSUER_PORT);
        requireFree(owners, settings.webPort(), "web app", LocalSettings.WEB_PORT);
        requireFree(owners, settings.smtpPort(), "SMTP server", LocalSettings.SMTP_PORT);
        requireFree(owners, settings.inboxPort(), "local inbox", LocalSettings.INBOX_PORT);
    }

    private static void requireFree(Map<Integer, String> owners, int port, String what, String setting) {
        String other = owners.putIfAbsent(port, what);
        if (other != null) {
            throw new IllegalArgumentException("Port " + port + " is given to both " + other + " and " + what
                                               + ". Change one with " + LocalSettings.howToChange(setting) + ".");
        }
        Ports.requireFree(port, what, LocalSettings.howToChange(setting));
    }

    private String[] serviceArgs(int port, String database) {
        String[] args = {
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.data.mongodb.uri=" + mongo.connectionString(),
                "--rekindle.mongo.database=" + database,
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--rekindle.security.issuer-uri=" + issuerUrl(),
                "--rekindle.metrics.scrape-password=" + SCRAPE_PASSWORD,
                "--spring.main.register-shutdown-hook=false",
                "--logging.register-shutdown-hook=false",
                "--spring.main.banner-mode=off"};
        if (!EVENT_STORES.contains(database)) {
            return args;
        }
        String[] withEventStore = java.util.Arrays.copyOf(args, args.length + 2);
        withEventStore[args.length] = "--spring.datasource.url=" + postgres.jdbcUrl(database);
        withEventStore[args.length + 1] = "--spring.datasource.username=" + EmbeddedPostgresServer.USER;
        return withEventStore;
    }

    /** The web app signs people in at the local issuer and calls the services as them. */
    private String[] webArgs() {
        String provider = "--spring.security.oauth2.client.provider.rekindle.";
        return new String[]{
                "--server.port=" + settings.webPort(),
                "--server.address=127.0.0.1",
                "--rekindle.web.journal-url=" + journalUrl(),
                "--rekindle.web.content-url=" + contentUrl(),
                "--rekindle.web.plan-url=" + planUrl(),
                "--rekindle.web.notification-url=" + notificationUrl(),
                "--rekindle.web.end-session-uri=" + issuerUrl() + "/connect/logout",
                "--rekindle.web.directory-url=" + issuerUrl(),
                "--rekindle.metrics.scrape-password=" + SCRAPE_PASSWORD,
                provider + "authorization-uri=" + issuerUrl() + "/oauth2/authorize",
                provider + "token-uri=" + issuerUrl() + "/oauth2/token",
                provider + "jwk-set-uri=" + issuerUrl() + "/oauth2/jwks",
                "--spring.main.register-shutdown-hook=false",
                "--logging.register-shutdown-hook=false",
                "--spring.main.banner-mode=off"};
    }

    /**
     * journal-service assembles a client's journey export from plan-service and notification-service, and names the
     * people in its exports and ledger from the local issuer's directory.
     */
    private String[] withExportSources(String[] args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 3);
        all[args.length] = "--rekindle.journal.export.plan-service-url=" + planUrl();
        all[args.length + 1] = "--rekindle.journal.export.notification-service-url=" + notificationUrl();
        all[args.length + 2] = "--rekindle.directory.url=" + issuerUrl();
        return all;
    }

    /**
     * notification-service sends through the local inbox, names clients in emails from the issuer's directory, and
     * escalates unacknowledged safety alerts to the demo practice's admin.
     */
    private String[] withMail(String[] args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 5);
        all[args.length] = "--spring.mail.host=127.0.0.1";
        all[args.length + 1] = "--spring.mail.port=" + smtp.smtpPort();
        all[args.length + 2] = "--rekindle.notification.app-url=" + webUrl();
        all[args.length + 3] = "--rekindle.directory.url=" + issuerUrl();
        all[args.length + 4] = "--rekindle.notification.safety.practice-admin-id=admin-harbour"; // the demo practice's
        return all;
    }

    private String banner(Duration startup, String seedResult) {
        return """

                ──────────────────────────────────────────────────────────────────────
                 Rekindle local stack is up (%.1f s)
                   web app           %s   (sign in as a demo user: README, "Logging in")
                   journal-service   %s   (API docs: %s/swagger-ui.html)
                   content-service   %s   (API docs: %s/swagger-ui.html)
                   plan-service      %s   (API docs: %s/swagger-ui.html)
                   notification-svc  %s   (API docs: %s/swagger-ui.html)
                   email inbox       %s   (every email sent, SMTP on 127.0.0.1:%d)
                   OIDC issuer       %s   (log in as a demo user: README, "Logging in")
                   Kafka broker      %s   (rekindle.journal.v1, .content.v1, .plan.v1)
                   MongoDB-wire      %s
                   PostgreSQL        127.0.0.1:%d   (event stores: databases journal, content, plan)
                   data folder       %s
                 Demo practice: %s Try: TOKEN=$(deploy/local/login client-sam demo-sam); curl -s -H "Authorization: Bearer $TOKEN" %s/api/clients/%s/streak
                 Ctrl-C stops everything; data is kept for the next start.
                ──────────────────────────────────────────────────────────────────────
                """.formatted(startup.toMillis() / 1000.0, webUrl(), journalUrl(), journalUrl(), contentUrl(), contentUrl(), planUrl(), planUrl(),
                              notificationUrl(), notificationUrl(), smtp.inboxUrl(), smtp.smtpPort(), issuerUrl(),
                              kafka.bootstrapServers(),
                              mongo.connectionString(), postgres.port(), settings.dataDir(), seedResult, journalUrl(),
                              DemoPractice.SAM);
    }

    @Override
    public synchronized void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
        if (postgres != null) {
            postgres.stop();
            postgres = null;
        }
        if (mongo != null) {
            mongo.stop();
            mongo = null;
            System.out.println("Rekindle local stack stopped; data kept in " + settings.dataDir());
        }
    }
}
