package org.rekindle.bench;

import org.junit.jupiter.api.Test;
import org.rekindle.platform.embedded.EmbeddedPostgresServer;
import org.rekindle.platform.embedded.SharedTestInfrastructure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The probe reads PostgreSQL's maintenance counters from a real server: a checkpoint asked for is counted. */
class EventStoreProbeTest {

    @Test
    void aCheckpointMadeBetweenTwoReadingsIsCounted() throws Exception {
        EmbeddedPostgresServer postgres = SharedTestInfrastructure.postgres();
        postgres.createDatabase("bench-probe");
        try (EventStoreProbe probe = new EventStoreProbe(postgres, "bench-probe");
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl("bench-probe"),
                                                                 EmbeddedPostgresServer.USER, "");
             Statement statement = connection.createStatement()) {
            PostgresMaintenance before = probe.maintenance();
            statement.execute("CHECKPOINT");

            Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
            PostgresMaintenance since = probe.maintenance().since(before);
            while (since.checkpoints() == 0 && Instant.now().isBefore(giveUp)) {
                Thread.sleep(100);
                since = probe.maintenance().since(before);
            }
            assertThat(since.checkpoints()).isPositive();
            assertThat(since.autovacuums()).isNotNegative();
            assertThat(since.toString()).contains("checkpoint(s)");
        }
    }
}
