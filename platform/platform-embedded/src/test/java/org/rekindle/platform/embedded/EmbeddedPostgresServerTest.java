package org.rekindle.platform.embedded;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTest {

    @Test
    void committedRowsSurviveAStopAndACrash(@TempDir Path dataDir) throws Exception {
        int port = Ports.freePort();
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.startOnDisk(dataDir, port)) {
            execute(first.createDatabase("kept"), "CREATE TABLE t (x int)", "INSERT INTO t VALUES (1)");
        }
        EmbeddedPostgresServer second = EmbeddedPostgresServer.startOnDisk(dataDir, port);
        execute(second.jdbcUrl("kept"), "INSERT INTO t VALUES (2)");
        second.crash();
        try (EmbeddedPostgresServer third = EmbeddedPostgresServer.startOnDisk(dataDir, port)) {
            assertThat(count(third.jdbcUrl("kept"))).as("rows committed before a stop and before SIGKILL").isEqualTo(2);
        }
    }

    @Test
    void aTakenPortIsNamedWithItsSetting(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.startOnDisk(dataDir, taken.getLocalPort()))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining(String.valueOf(taken.getLocalPort()))
                    .hasMessageContaining("--rekindle.postgres.port=").hasMessageContaining("REKINDLE_POSTGRES_PORT");
        }
    }

    private static void execute(String url, String... sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
             Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    private static long count(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM t")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
