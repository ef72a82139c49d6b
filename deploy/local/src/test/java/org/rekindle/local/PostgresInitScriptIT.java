package org.rekindle.local;

import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * deploy/postgres/10-rekindle-databases.sh on the PostgreSQL image docker-compose.yml runs, started the way compose
 * starts it (the script in /docker-entrypoint-initdb.d, the passwords in the environment): each event-sourced service's
 * role logs in with its password, owns its database and can create tables there (as Flyway does at service start),
 * is no superuser, and cannot connect to another service's database; compose's healthcheck passes once it is done.
 * Needs Docker: where there is none (as on the development machines here) JUnit reports it skipped.
 * Maven runs this with deploy/local as the working directory, so the repository root is two levels up.
 */
@Testcontainers(disabledWithoutDocker = true)
class PostgresInitScriptIT {

    private static final Path ROOT = Path.of("../..");
    private static final Map<String, String> PASSWORDS =
            Map.of("journal", "journal-it-secret", "content", "content-it-secret", "plan", "plan-it-secret");

    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer(composePostgres().get("image").toString())
            .withDatabaseName("postgres").withUsername("postgres").withPassword("postgres-it-secret")
            .withEnv("REKINDLE_JOURNAL_DB_PASSWORD", PASSWORDS.get("journal"))
            .withEnv("REKINDLE_CONTENT_DB_PASSWORD", PASSWORDS.get("content"))
            .withEnv("REKINDLE_PLAN_DB_PASSWORD", PASSWORDS.get("plan"))
            .withCopyFileToContainer(MountableFile.forHostPath(ROOT.resolve("deploy/postgres/10-rekindle-databases.sh"),
                                                               0755),
                                     "/docker-entrypoint-initdb.d/10-rekindle-databases.sh");

    @Test
    void eachServiceRoleOwnsItsDatabaseAndCreatesTablesThere() throws SQLException {
        for (Map.Entry<String, String> role : PASSWORDS.entrySet()) {
            String name = role.getKey();
            try (Connection connection = DriverManager.getConnection(url(name), name, role.getValue());
                 Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE init_script_check (id BIGSERIAL PRIMARY KEY, payload BYTEA NOT NULL)");
                sql.execute("INSERT INTO init_script_check (payload) VALUES ('\\x00')");
                try (ResultSet row = sql.executeQuery(
                        "SELECT current_user, pg_get_userbyid(d.datdba), r.rolsuper, r.rolcreatedb, r.rolcreaterole "
                        + "FROM pg_database d, pg_roles r WHERE d.datname = current_database() AND r.rolname = current_user")) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).as("logged in as").isEqualTo(name);
                    assertThat(row.getString(2)).as("owner of database " + name).isEqualTo(name);
                    assertThat(row.getBoolean(3)).as(name + " is superuser").isFalse();
                    assertThat(row.getBoolean(4)).as(name + " may create databases").isFalse();
                    assertThat(row.getBoolean(5)).as(name + " may create roles").isFalse();
                }
                sql.execute("DROP TABLE init_script_check");
            }
        }
    }

    @Test
    void noServiceRoleConnectsToAnotherServicesDatabase() {
        for (String role : PASSWORDS.keySet()) {
            for (String database : PASSWORDS.keySet()) {
                if (!role.equals(database)) {
                    assertThatThrownBy(() -> DriverManager.getConnection(url(database), role, PASSWORDS.get(role)).close())
                            .as(role + " connecting to database " + database)
                            .isInstanceOf(SQLException.class)
                            .hasMessageContaining("permission denied for database");
                }
            }
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThatThrownBy(() -> DriverManager.getConnection(url("journal"), "journal", "not-the-password").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    @Test
    void theComposeHealthcheckPassesOnceTheDatabasesExist() throws Exception {
        @SuppressWarnings("unchecked")
        List<String> test = new ArrayList<>((List<String>) ((Map<String, Object>) composePostgres().get("healthcheck"))
                .get("test"));
        assertThat(test.remove(0)).as("healthcheck form").isEqualTo("CMD");
        ExecResult result = POSTGRES.execInContainer(test.toArray(String[]::new));
        assertThat(result.getExitCode()).as("%s: %s %s", test, result.getStdout(), result.getStderr()).isZero();
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + POSTGRES.getHost() + ":" + POSTGRES.getMappedPort(5432) + "/" + database;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> composePostgres() {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
