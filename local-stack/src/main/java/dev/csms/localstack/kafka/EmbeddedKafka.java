package dev.csms.localstack.kafka;

import dev.csms.localstack.support.Directories;
import dev.csms.localstack.support.Ports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka 4 broker in this JVM: KRaft combined mode (broker and controller in one
 * {@link KafkaRaftServer}), listening on 127.0.0.1 only.
 *
 * <p>{@link #stopBroker()} and {@link #startBroker()} take the broker down and bring it back on the same ports
 * with the same data, for tests that simulate a Kafka outage. {@link #stop()} is final: it stops the broker
 * and deletes the data directory when this instance created it.
 */
public final class EmbeddedKafka implements KafkaBroker, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;

    /**
     * Where and how to run the broker.
     *
     * @param port           client listener port; 0 picks a free one
     * @param controllerPort KRaft controller listener port; 0 picks a free one
     * @param directory      holds {@code server.properties} and the log dir; {@code null} for a fresh temp dir
     * @param deleteOnStop   whether {@link #stop()} deletes {@code directory}
     * @param startTimeout   how long {@link #startBroker()} waits for the broker to serve clients
     */
    public record Settings(int port, int controllerPort, Path directory, boolean deleteOnStop, Duration startTimeout) {

        public Settings {
            Objects.requireNonNull(startTimeout, "startTimeout");
        }

        /** Ephemeral ports, a fresh temp dir deleted on stop: what tests want. */
        public static Settings ephemeral() {
            return new Settings(0, 0, null, true, Duration.ofSeconds(60));
        }

        /** Fixed ports and a directory kept across runs: what the launcher wants. */
        public static Settings persistent(Path directory, int port, int controllerPort) {
            return new Settings(port, controllerPort, Objects.requireNonNull(directory, "directory"), false,
                    Duration.ofSeconds(60));
        }

        public Settings withStartTimeout(Duration timeout) {
            return new Settings(port, controllerPort, directory, deleteOnStop, timeout);
        }
    }

    private final int port;
    private final int controllerPort;
    private final Path directory;
    private final boolean deleteOnStop;
    private final Duration startTimeout;
    private KafkaRaftServer server;
    private boolean stopped;

    private EmbeddedKafka(int port, int controllerPort, Path directory, boolean deleteOnStop, Duration startTimeout) {
        this.port = port;
        this.controllerPort = controllerPort;
        this.directory = directory;
        this.deleteOnStop = deleteOnStop;
        this.startTimeout = startTimeout;
    }

    /** Starts a broker on ephemeral ports in a fresh temp dir. */
    public static EmbeddedKafka start() {
        return start(Settings.ephemeral());
    }

    /** Starts a broker and returns once it serves clients (formats the log dir on first use). */
    public static EmbeddedKafka start(Settings settings) {
        int port = Ports.resolve(settings.port());
        int controllerPort = Ports.resolve(settings.controllerPort());
        while (controllerPort == port) {
            controllerPort = Ports.freePort();
        }
        Path directory;
        try {
            directory = settings.directory() != null
                    ? Files.createDirectories(settings.directory())
                    : Files.createTempDirectory("csms-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Kafka directory", e);
        }
        EmbeddedKafka kafka = new EmbeddedKafka(port, controllerPort, directory, settings.deleteOnStop(),
                settings.startTimeout());
        try {
            kafka.startBroker();
        } catch (RuntimeException e) {
            kafka.stop();
            throw e;
        }
        return kafka;
    }

    @Override
    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    /** Holds {@code server.properties} and the {@code data} log dir. */
    public Path directory() {
        return directory;
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Starts the broker (again) on the same ports and data and waits until it serves clients.
     *
     * @throws IllegalStateException if it is not ready within the start timeout, or after {@link #stop()}
     */
    @Override
    public synchronized void startBroker() {
        if (stopped) {
            throw new IllegalStateException("this broker was stopped for good; start a new EmbeddedKafka");
        }
        if (server != null) {
            return;
        }
        installExitGuard();
        Properties config = brokerConfig();
        formatIfNeeded(config);
        long started = System.nanoTime();
        KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        server = raftServer;
        raftServer.startup();
        awaitReady();
        LOG.info("Kafka broker ready on {} in {} ms", bootstrapServers(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Stops the broker cleanly, keeping its data and ports for {@link #startBroker()}. */
    @Override
    public synchronized void stopBroker() {
        if (server == null) {
            return;
        }
        KafkaRaftServer running = server;
        server = null;
        running.shutdown();
        running.awaitShutdown();
        LOG.info("Kafka broker on {} stopped", bootstrapServers());
    }

    @Override
    public synchronized void restart() {
        stopBroker();
        startBroker();
    }

    /** Stops the broker for good and deletes its directory if this instance owns it. Idempotent. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        try {
            stopBroker();
        } finally {
            stopped = true;
            if (deleteOnStop) {
                Directories.deleteRecursively(directory);
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Properties brokerConfig() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + Ports.LOOPBACK + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ",CONTROLLER://" + Ports.LOOPBACK + ":"
                + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", directory.resolve("data").toAbsolutePath().toString());

        // one node: every replication factor and ISR minimum is 1
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");

        // services may create their own topics; tests must not wait for a rebalance delay
        p.put("auto.create.topics.enable", "true");
        p.put("num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // a fenced broker refuses clients; unfence quickly after a (re)start
        p.put("broker.heartbeat.interval.ms", "500");

        // light: few internal partitions, small preallocated index files, small buffers, few threads
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.num.partitions", "5");
        p.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        p.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        p.put("log.cleaner.threads", "1");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("num.replica.fetchers", "1");
        return p;
    }

    private void formatIfNeeded(Properties config) {
        if (Files.exists(directory.resolve("data").resolve("meta.properties"))) {
            return;
        }
        Path file = directory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "written by dev.csms.localstack.kafka.EmbeddedKafka; only used to format the log dir");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int code = StorageTool.execute(new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", file.toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (code != 0) {
            throw new IllegalStateException("formatting the Kafka log dir failed (" + code + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Ready = the broker is registered and unfenced, which is when describeCluster lists it. */
    private void awaitReady() {
        long deadline = System.nanoTime() + startTimeout.toNanos();
        Exception last = null;
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                }
                // poll interval while the broker registers and gets unfenced
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
        throw new IllegalStateException("Kafka on " + bootstrapServers() + " not ready within " + startTimeout, last);
    }

    /**
     * Kafka halts the JVM on fatal faults. Here the JVM is a test run or the launcher, whose shutdown hooks
     * must still stop the service processes it started: log loudly and let the caller fail instead.
     */
    private static void installExitGuard() {
        Exit.Procedure refuse = (code, message) -> {
            LOG.error("Embedded Kafka asked to terminate the JVM with code {}: {}", code, message);
            throw new IllegalStateException("embedded Kafka failed fatally (" + code + "): " + message);
        };
        Exit.setExitProcedure(refuse);
        Exit.setHaltProcedure(refuse);
    }
}
