package org.rekindle.bench;

import org.rekindle.platform.embedded.EmbeddedKafka;
import org.rekindle.platform.embedded.EmbeddedMongo;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** A service started in the benchmark's JVM on the run's broker and store, validating tokens of the bench issuer. */
final class BenchServices {

    private BenchServices() {
    }

    static ConfigurableApplicationContext start(SpringApplication app, String database, EmbeddedMongo mongo,
                                                EmbeddedKafka kafka, String issuer, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0", "--server.address=127.0.0.1", "--spring.data.mongodb.uri=" + mongo.connectionString(),
                "--rekindle.mongo.database=" + database, "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--spring.main.banner-mode=off", "--rekindle.security.issuer-uri=" + issuer,
                "--logging.level.root=WARN"));
        args.addAll(List.of(more));
        return app.run(args.toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
