package dev.csms.localstack.postgres;

import dev.csms.localstack.support.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (the zonky embedded binaries) listening on 127.0.0.1 only, one database per
 * service. Authentication is {@code trust} on loopback: {@link #password()} is accepted but not checked.
 *
 * <p>The owner stops it ({@link #stop()}); it registers no shutdown hook of its own, so that the launcher can
 * stop the services before their database.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * Where and how to run the server.
     *
     * @param port          0 picks a free one
     * @param dataDirectory the cluster's data; {@code null} for a fresh temp dir
     * @param deleteOnStop  whether {@link #stop()} deletes the data directory
     * @param durable       {@code false} turns fsync off: faster, for throw-away test data only
     * @param logFile       where the server's output goes; {@code null} for the slf4j log
     * @param startTimeout  how long to wait for the server to accept connections
     */
    public record Settings(int port, Path dataDirectory, boolean deleteOnStop, boolean durable, Path logFile,
            Duration startTimeout) {

        public Settings {
            Objects.requireNonNull(startTimeout, "startTimeout");
        }

        /** Ephemeral port, fresh temp data deleted on stop, no fsync: what tests want. */
        public static Settings ephemeral() {
            return new Settings(0, null, true, false, null, Duration.ofSeconds(60));
        }

        /** Fixed port, data kept across runs, output to {@code logFile}: what the launcher wants. */
        public static Settings persistent(Path dataDirectory, int port, Path logFile) {
            return new Settings(port, Objects.requireNonNull(dataDirectory, "dataDirectory"), false, true, logFile,
                    Duration.ofSeconds(60));
        }
    }

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** Starts a server on an ephemeral port with throw-away data. */
    public static EmbeddedPostgresServer start() {
        return start(Settings.ephemeral());
    }

    /** Starts a server (running initdb first if the data directory holds no cluster yet). */
    public static EmbeddedPostgresServer start(Settings settings) {
        long started = System.nanoTime();
        try {
            Path dataDirectory = settings.dataDirectory() != null
                    ? Files.createDirectories(settings.dataDirectory())
                    : Files.createTempDirectory("csms-postgres-");
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(Ports.resolve(settings.port()))
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(settings.deleteOnStop())
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(settings.startTimeout())
                    .setServerConfig("listen_addresses", Ports.LOOPBACK);
            if (!settings.durable()) {
                builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
            }
            if (settings.logFile() != null) {
                Files.createDirectories(settings.logFile().toAbsolutePath().getParent());
                ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(settings.logFile().toFile());
                builder.setOutputRedirector(log).setErrorRedirector(log);
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), dataDirectory);
            LOG.info("PostgreSQL ready on {}:{} in {} ms", Ports.LOOPBACK, server.port(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + settings.port(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return "postgres";
    }

    /** Accepted and ignored: loopback connections are trusted. */
    public String password() {
        return "postgres";
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** {@code jdbc:postgresql://127.0.0.1:PORT/database}, for JDBC (Flyway). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port() + "/" + database;
    }

    /** {@code postgresql://127.0.0.1:PORT/database}, for the Vert.x reactive client. */
    public String reactiveUrl(String database) {
        return "postgresql://" + Ports.LOOPBACK + ":" + port() + "/" + database;
    }

    /** A new JDBC connection to {@code database}; the caller closes it. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), username(), password());
    }

    /**
     * Creates {@code name} unless it exists.
     *
     * @throws IllegalArgumentException if {@code name} is not a plain lower-case SQL identifier
     */
    public synchronized void createDatabase(String name) {
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
            // another process created it between our check and our CREATE
            if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("cannot create database " + name, e);
            }
        }
    }

    /** Stops the server (fast shutdown) and deletes the data if it is throw-away. Idempotent. */
    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on port " + port() + " did not stop cleanly", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
