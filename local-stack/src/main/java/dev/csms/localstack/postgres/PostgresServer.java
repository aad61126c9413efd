package dev.csms.localstack.postgres;

import dev.csms.localstack.support.Ports;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A running PostgreSQL server on 127.0.0.1 with loopback {@code trust} authentication: the
 * {@link EmbeddedPostgresServer} itself, or a handle on the one the {@link dev.csms.localstack.LocalStack}
 * of this JVM runs. One database per service.
 */
public interface PostgresServer {

    /** What a database name must look like: a plain lower-case identifier, never quoted. */
    Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    int port();

    default String username() {
        return "postgres";
    }

    /** Accepted and ignored: loopback connections are trusted. */
    default String password() {
        return "postgres";
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/database}, for JDBC (Flyway). */
    default String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port() + "/" + database;
    }

    /** {@code postgresql://127.0.0.1:PORT/database}, for the Vert.x reactive client. */
    default String reactiveUrl(String database) {
        return "postgresql://" + Ports.LOOPBACK + ":" + port() + "/" + database;
    }

    /** A new JDBC connection to {@code database}; the caller closes it. */
    default Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username(), password());
    }

    /**
     * Creates {@code name} unless it exists; safe to call concurrently.
     *
     * @throws IllegalArgumentException if {@code name} does not match {@link #DATABASE_NAME}
     */
    default void createDatabase(String name) {
        if (name == null || !DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name '" + name + "' must match " + DATABASE_NAME.pattern());
        }
        try (Connection connection = connect("postgres")) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                // the name is validated above: an identifier cannot be a bind parameter
                create.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            // 42P04 duplicate_database, 23505 unique_violation: someone created it between our check and CREATE
            if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + name + " on port " + port(), e);
            }
        }
    }
}
