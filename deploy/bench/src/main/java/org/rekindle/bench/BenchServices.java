package org.rekindle.bench;

import org.rekindle.platform.embedded.EmbeddedKafka;
import org.rekindle.platform.embedded.EmbeddedMongo;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/**
 * A service started in the benchmark's JVM on the run's broker and stores, validating tokens of the bench issuer.
 * An event-sourced service gets its event store as the local stack gives it: a database of its own (named as its
 * MongoDB database) on the run's PostgreSQL; {@code postgres} is null for a service without one (notification).
 */
final class BenchServices {

    private BenchServices() {
    }

    static ConfigurableApplicationContext start(SpringApplication app, String database, EmbeddedMongo mongo,
                                                EmbeddedPostgresServer postgres, EmbeddedKafka kafka, String issuer,
                                                String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0", "--server.address=127.0.0.1", "--spring.data.mongodb.uri=" + mongo.connectionString(),
                "--rekindle.mongo.database=" + database, "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.main.banner-mode=off", "--rekindle.security.issuer-uri=" + issuer,
                "--logging.level.root=WARN"));
        if (postgres != null) {
            args.add("--spring.datasource.url=" + postgres.createDatabase(database));
            args.add("--spring.datasource.username=" + EmbeddedPostgresServer.USER);
        }
        args.addAll(List.of(more));
        if (MongoCommandProfile.enabled()) {
            app.addPrimarySources(List.of(MongoCommandProfile.class));
        }
        return app.run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
