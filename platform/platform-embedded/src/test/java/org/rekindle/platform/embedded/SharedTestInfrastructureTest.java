package org.rekindle.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SharedTestInfrastructureTest {

    @Test
    void startsOnceAndIsUsable() throws Exception {
        EmbeddedKafka kafka = SharedTestInfrastructure.kafka();
        EmbeddedMongo mongo = SharedTestInfrastructure.mongo();
        assertThat(SharedTestInfrastructure.kafka()).isSameAs(kafka);
        assertThat(SharedTestInfrastructure.mongo()).isSameAs(mongo);

        try (Admin admin = Admin.create(Map.<String, Object>of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("shared-test-topic", 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
            // the broker's metadata cache learns of a new topic a moment after the controller created it
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("shared-test-topic"));
        }
        EmbeddedPostgresServer postgres = SharedTestInfrastructure.postgres();
        assertThat(SharedTestInfrastructure.postgres()).isSameAs(postgres);
        String url = postgres.createDatabase("shared-test");
        assertThat(postgres.createDatabase("shared-test")).as("a second call finds the database").isEqualTo(url);
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (x int)");
            statement.execute("INSERT INTO t VALUES (1)");
            try (java.sql.ResultSet rows = statement.executeQuery("SELECT count(*) FROM t")) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("shared").getCollection("c").insertOne(new Document("x", 1));
            assertThat(client.getDatabase("shared").getCollection("c").countDocuments()).isEqualTo(1);
        }
    }
}
