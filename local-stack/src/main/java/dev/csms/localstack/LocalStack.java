package dev.csms.localstack;

import dev.csms.localstack.jwt.LocalJwtIssuer;
import dev.csms.localstack.kafka.KafkaBroker;
import dev.csms.localstack.postgres.PostgresServer;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * The local stack of a test JVM: one Kafka broker with every platform topic (created at start, {@value
 * #TOPIC_PARTITIONS} partitions each), one PostgreSQL server and one JWT key pair. Started on first use,
 * stopped by a shutdown hook when the JVM exits; shared by every test class and every Quarkus application
 * start of the JVM (see {@link LocalStackMXBean} for how). Each service gets its own database.
 *
 * <pre>{@code
 * String token = LocalStack.get().jwt().token("alice", Set.of(LocalJwtIssuer.OPERATOR));
 * LocalStack.get().kafka().stopBroker();   // a Kafka outage; startBroker() ends it
 * }</pre>
 */
public final class LocalStack {

    /** Partitions of every platform topic in tests: more than one, so per-key ordering is exercised. */
    public static final int TOPIC_PARTITIONS = 3;

    private static LocalStack instance;

    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final LocalJwtIssuer jwt;

    private LocalStack(LocalStackMXBean running) {
        this.kafka = new SharedKafkaBroker(running);
        int postgresPort = running.getPostgresPort();
        this.postgres = () -> postgresPort;
        this.jwt = LocalJwtIssuer.loadOrCreate(Path.of(running.getJwtKeyDirectory()));
    }

    /** The stack of this JVM, started on the first call from any class loader. */
    public static synchronized LocalStack get() {
        if (instance == null) {
            instance = new LocalStack(startOrFind());
        }
        return instance;
    }

    /** The broker; {@link KafkaBroker#stopBroker()} and {@link KafkaBroker#startBroker()} simulate an outage. */
    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** Mints tokens the services accept: {@code jwt().token("alice", Set.of(LocalJwtIssuer.OPERATOR))}. */
    public LocalJwtIssuer jwt() {
        return jwt;
    }

    /**
     * The configuration of a service on this stack; with a database name, that database is created first.
     *
     * @param database the service's database, or empty for a service without one (the gateway)
     */
    public Map<String, String> serviceConfig(Optional<String> database) {
        database.ifPresent(postgres::createDatabase);
        return ServiceConfig.of(kafka, postgres, database, jwt);
    }

    private static LocalStackMXBean startOrFind() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = objectName();
        // the platform MBeanServer is one object per JVM: locking it serialises every class loader's first call
        synchronized (server) {
            if (!server.isRegistered(name)) {
                RunningLocalStack running = RunningLocalStack.start();
                try {
                    server.registerMBean(running, name);
                } catch (JMException e) {
                    running.stop();
                    throw new IllegalStateException("cannot register the local stack as " + name, e);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(running::stop, "local-stack-shutdown"));
            }
            return JMX.newMXBeanProxy(server, name, LocalStackMXBean.class);
        }
    }

    private static ObjectName objectName() {
        try {
            return new ObjectName(LocalStackMXBean.OBJECT_NAME);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The broker seen through the MXBean, so that every class loader controls the same one. */
    private record SharedKafkaBroker(LocalStackMXBean running) implements KafkaBroker {

        @Override
        public String bootstrapServers() {
            return running.getKafkaBootstrapServers();
        }

        @Override
        public boolean isRunning() {
            return running.isKafkaRunning();
        }

        @Override
        public void stopBroker() {
            running.stopKafkaBroker();
        }

        @Override
        public void startBroker() {
            running.startKafkaBroker();
        }
    }
}
