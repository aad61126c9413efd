package dev.csms.localstack;

/**
 * The JVM's running local stack, registered in the platform MBeanServer as {@value #OBJECT_NAME}.
 *
 * <p>Why JMX: Quarkus starts each {@code @QuarkusTest} application (every distinct set of test resources or
 * test profile) in a new class loader that loads this module's classes again, so a static field is one per
 * class loader, not one per JVM. The platform MBeanServer is one per JVM, and an MXBean speaks only
 * {@code String}, {@code int} and {@code boolean}, which every class loader shares.
 */
public interface LocalStackMXBean {

    String OBJECT_NAME = "dev.csms.localstack:type=LocalStack";

    String getKafkaBootstrapServers();

    boolean isKafkaRunning();

    void stopKafkaBroker();

    void startKafkaBroker();

    int getPostgresPort();

    /** Holds the JWT key pair ({@code public-key.pem}, {@code private-key.pem}). */
    String getJwtKeyDirectory();
}
