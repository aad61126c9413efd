package dev.csms.localstack;

import dev.csms.events.Topics;
import dev.csms.localstack.jwt.LocalJwtIssuer;
import dev.csms.localstack.kafka.EmbeddedKafka;
import dev.csms.localstack.postgres.EmbeddedPostgresServer;
import dev.csms.localstack.support.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The servers of a test JVM's local stack: started once, by whichever class loader asks first. */
final class RunningLocalStack implements LocalStackMXBean {

    private static final Logger LOG = LoggerFactory.getLogger(RunningLocalStack.class);

    /**
     * The broker and the PostgreSQL wrapper log every config value at INFO, which buries a service's test
     * output. In a Quarkus test slf4j logs through JBoss LogManager, which honours these java.util.logging
     * levels (kept here because java.util.logging holds loggers weakly); elsewhere this is harmless.
     */
    private static final List<java.util.logging.Logger> QUIET_LOGGERS = Stream.of("kafka", "state.change.logger",
                    "org.apache.kafka.controller", "org.apache.kafka.raft", "org.apache.kafka.server",
                    "org.apache.kafka.storage", "org.apache.kafka.metadata", "org.apache.kafka.image",
                    "org.apache.kafka.coordinator", "org.apache.kafka.queue", "org.apache.kafka.snapshot",
                    "io.zonky.test.db")
            .map(java.util.logging.Logger::getLogger)
            .toList();
    /** Dumps hundreds of lines per broker start; shared with the services' own clients, so quiet only then. */
    private static final java.util.logging.Logger CONFIG_DUMPS =
            java.util.logging.Logger.getLogger("org.apache.kafka.common.config.AbstractConfig");

    private final EmbeddedKafka kafka;
    private final EmbeddedPostgresServer postgres;
    private final Path jwtDirectory;

    private RunningLocalStack(EmbeddedKafka kafka, EmbeddedPostgresServer postgres, Path jwtDirectory) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.jwtDirectory = jwtDirectory;
    }

    static RunningLocalStack start() {
        QUIET_LOGGERS.forEach(logger -> logger.setLevel(Level.WARNING));
        long started = System.nanoTime();
        Path jwtDirectory = tempDirectory("csms-jwt-");
        // PostgreSQL is a separate process and the key pair is CPU work: both overlap with the broker start
        CompletableFuture<EmbeddedPostgresServer> postgres = CompletableFuture.supplyAsync(EmbeddedPostgresServer::start);
        CompletableFuture<LocalJwtIssuer> keys = CompletableFuture.supplyAsync(() -> LocalJwtIssuer.loadOrCreate(jwtDirectory));
        EmbeddedKafka kafka = null;
        try {
            kafka = withoutConfigDumps(EmbeddedKafka::start);
            kafka.createTopics(Topics.unprefixed(), LocalStack.TOPIC_PARTITIONS);
            keys.join();
            RunningLocalStack stack = new RunningLocalStack(kafka, postgres.join(), jwtDirectory);
            LOG.info("local stack ready in {} ms: Kafka {}, PostgreSQL 127.0.0.1:{}",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), kafka.bootstrapServers(),
                    stack.postgres.port());
            return stack;
        } catch (RuntimeException e) {
            if (kafka != null) {
                kafka.stop();
            }
            postgres.thenAccept(EmbeddedPostgresServer::stop);
            keys.whenComplete((issuer, error) -> Directories.deleteRecursively(jwtDirectory));
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    void stop() {
        try {
            kafka.stop();
        } finally {
            try {
                postgres.stop();
            } finally {
                Directories.deleteRecursively(jwtDirectory);
            }
        }
    }

    @Override
    public String getKafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public boolean isKafkaRunning() {
        return kafka.isRunning();
    }

    @Override
    public void stopKafkaBroker() {
        kafka.stopBroker();
    }

    @Override
    public void startKafkaBroker() {
        withoutConfigDumps(() -> {
            kafka.startBroker();
            return null;
        });
    }

    private static synchronized <T> T withoutConfigDumps(Supplier<T> action) {
        Level previous = CONFIG_DUMPS.getLevel();
        CONFIG_DUMPS.setLevel(Level.WARNING);
        try {
            return action.get();
        } finally {
            CONFIG_DUMPS.setLevel(previous);
        }
    }

    @Override
    public int getPostgresPort() {
        return postgres.port();
    }

    @Override
    public String getJwtKeyDirectory() {
        return jwtDirectory.toString();
    }

    private static Path tempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp directory", e);
        }
    }
}
