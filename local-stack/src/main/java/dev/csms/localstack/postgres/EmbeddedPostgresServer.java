package dev.csms.localstack.postgres;

import dev.csms.localstack.support.Ports;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server (the zonky embedded binaries) listening on 127.0.0.1 only, one database per
 * service. Authentication is {@code trust} on loopback: {@link #password()} is accepted but not checked.
 * A throw-away server runs with fsync off.
 *
 * <p>The owner stops it ({@link #stop()}); it registers no shutdown hook of its own, so that the launcher can
 * stop the services before their database.
 */
public final class EmbeddedPostgresServer implements PostgresServer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

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

    @Override
    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
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
