package dev.csms.e2e.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The knobs of the e2e run, from system properties (the failsafe configuration sets the first three):
 *
 * <ul>
 *   <li>{@code csms.e2e.repository-root}: where {@code <service>/target/quarkus-app/quarkus-run.jar} are;
 *   <li>{@code csms.e2e.log-directory}: one log file per service process ({@code target/e2e-logs});
 *   <li>{@code csms.e2e.kafka-outage-seconds}: how long KafkaOutageIT keeps the broker down (30);
 *   <li>{@code csms.e2e.ready-timeout-seconds}: deadline for every service's readiness (180);
 *   <li>{@code csms.e2e.service-java-opts}: JVM options of every service process.
 * </ul>
 */
public record E2eSettings(Path repositoryRoot, Path logDirectory, Duration kafkaOutage, Duration readyTimeout,
        List<String> serviceJavaOptions) {

    /**
     * Six service JVMs share two cores with the test JVM (Kafka, PostgreSQL, the simulator): the serial collector
     * and C1 only start faster and use less CPU while warming up; the small fleets of these tests need no C2.
     */
    static final String DEFAULT_SERVICE_JAVA_OPTS = "-Xms32m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

    public static E2eSettings fromSystemProperties() {
        return new E2eSettings(
                Path.of(System.getProperty("csms.e2e.repository-root", "..")).toAbsolutePath().normalize(),
                Path.of(System.getProperty("csms.e2e.log-directory", "target/e2e-logs")).toAbsolutePath().normalize(),
                Duration.ofSeconds(Long.getLong("csms.e2e.kafka-outage-seconds", 30)),
                Duration.ofSeconds(Long.getLong("csms.e2e.ready-timeout-seconds", 180)),
                Arrays.stream(System.getProperty("csms.e2e.service-java-opts", DEFAULT_SERVICE_JAVA_OPTS).trim()
                        .split("\\s+")).filter(option -> !option.isEmpty()).toList());
    }
}
