package org.rekindle.journal.app.it;

import org.rekindle.journal.app.JournalApplication;
import org.rekindle.platform.testing.Http;
import org.rekindle.platform.testing.TestIssuer;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;
import org.rekindle.platform.embedded.SharedTestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * journal-service running for real against the embedded stack: a real Kafka broker (KRaft) and the MongoDB-wire
 * server, shared by every test class in this JVM (one Spring context, cached).
 */
@SpringBootTest(classes = JournalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = "spring.config.name=" + JournalApplication.CONFIG_NAME)
abstract class EmbeddedStackTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> SharedTestInfrastructure.mongo().connectionString());
        registry.add("spring.kafka.bootstrap-servers", () -> SharedTestInfrastructure.kafka().bootstrapServers());
        registry.add("rekindle.mongo.database", () -> "journal-it");
        registry.add("spring.datasource.url", () -> SharedTestInfrastructure.postgres().createDatabase("journal-it"));
        registry.add("spring.datasource.username", () -> EmbeddedPostgresServer.USER);
        registry.add("rekindle.security.issuer-uri", () -> TestIssuer.get().url());
        registry.add("rekindle.directory.url", () -> TestIssuer.get().url());
        registry.add("rekindle.directory.client-id", () -> TestIssuer.DIRECTORY_CLIENT);
        registry.add("rekindle.directory.client-secret", () -> TestIssuer.DIRECTORY_SECRET);
    }

    /** Requests as the client themself (a token from the test issuer with the client's id as subject). */
    Http http(String clientId) {
        return new Http(port).as(TestIssuer.get().client(clientId, null));
    }

    /** Requests with no token at all. */
    Http anonymous() {
        return new Http(port);
    }

    static String bootstrapServers() {
        return SharedTestInfrastructure.kafka().bootstrapServers();
    }

    static String newClientId() {
        return "client-" + java.util.UUID.randomUUID();
    }
}
