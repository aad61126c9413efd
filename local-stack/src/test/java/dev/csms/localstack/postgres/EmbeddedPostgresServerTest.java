package dev.csms.localstack.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real server for the whole class. */
class EmbeddedPostgresServerTest {

    private static EmbeddedPostgresServer postgres;

    @BeforeAll
    static void startServer() {
        postgres = EmbeddedPostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        Path data = postgres.dataDirectory();
        postgres.stop();
        assertThat(data).doesNotExist();
        assertThatThrownBy(() -> postgres.connect("postgres").close()).isInstanceOf(SQLException.class);
    }

    @Test
    void urlsPointAtLoopback() {
        assertThat(postgres.jdbcUrl("session")).isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/session");
        assertThat(postgres.reactiveUrl("session")).isEqualTo("postgresql://127.0.0.1:" + postgres.port() + "/session");
    }

    @Test
    void createsADatabaseThatServesQueries() throws Exception {
        postgres.createDatabase("billing_test");

        try (Connection connection = postgres.connect("billing_test"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE tariff (id int PRIMARY KEY, name text NOT NULL)");
            statement.execute("INSERT INTO tariff VALUES (1, 'standard')");
            try (ResultSet rows = statement.executeQuery("SELECT current_database(), name FROM tariff WHERE id = 1")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("billing_test");
                assertThat(rows.getString(2)).isEqualTo("standard");
            }
        }
    }

    @Test
    void creatingADatabaseTwiceKeepsItsData() throws Exception {
        postgres.createDatabase("device_test");
        try (Connection connection = postgres.connect("device_test"); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE station (id text PRIMARY KEY)");
        }

        postgres.createDatabase("device_test");

        try (Connection connection = postgres.connect("device_test"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM station")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void rejectsDatabaseNamesThatAreNotPlainIdentifiers() {
        assertThatThrownBy(() -> postgres.createDatabase("x; DROP DATABASE postgres"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must match");
        assertThatThrownBy(() -> postgres.createDatabase("Session"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void persistentDataSurvivesARestart(@TempDir Path data) throws Exception {
        Path log = data.resolve("postgres.log");
        int port;
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(
                EmbeddedPostgresServer.Settings.persistent(data.resolve("pg"), 0, log))) {
            port = first.port();
            first.createDatabase("session");
            try (Connection connection = first.connect("session"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE session (id text PRIMARY KEY)");
                statement.execute("INSERT INTO session VALUES ('S-1')");
            }
        }
        assertThat(data.resolve("pg/PG_VERSION")).as("data kept after stop").exists();

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(
                EmbeddedPostgresServer.Settings.persistent(data.resolve("pg"), port, log));
                Connection connection = second.connect("session"); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM session")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("S-1");
        }
        assertThat(log).as("server output goes to the log file").isNotEmptyFile();
    }

    @Test
    void acceptsConnectionsOnTheAdvertisedPort() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", postgres.port()), 2_000);
            assertThat(socket.isConnected()).isTrue();
        }
    }
}
