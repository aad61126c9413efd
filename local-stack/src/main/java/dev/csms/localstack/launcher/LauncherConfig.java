package dev.csms.localstack.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the launcher runs and where: state directory, Kafka and PostgreSQL ports, the services, the readiness
 * deadline. Built from command-line flags, then environment variables, then defaults ({@link #parse}).
 *
 * @param stateDirectory     Kafka log dir, PostgreSQL data, JWT keys and logs
 * @param kafkaPort          Kafka client port on 127.0.0.1
 * @param kafkaControllerPort KRaft controller port on 127.0.0.1
 * @param postgresPort       PostgreSQL port on 127.0.0.1
 * @param topicPartitions    partitions of every platform topic created at start
 * @param readyTimeout       how long every service has to report ready
 * @param stopTimeout        how long a service has to stop after SIGTERM before it is killed
 * @param services           the services to run, in start order
 * @param serviceJavaOptions JVM options for every service process
 */
public record LauncherConfig(Path stateDirectory, int kafkaPort, int kafkaControllerPort, int postgresPort,
        int topicPartitions, Duration readyTimeout, Duration stopTimeout, List<ServiceSpec> services,
        List<String> serviceJavaOptions) {

    public static final int DEFAULT_KAFKA_PORT = 29092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 29093;
    public static final int DEFAULT_POSTGRES_PORT = 25432;
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(120);

    public LauncherConfig {
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        services = List.copyOf(services);
        serviceJavaOptions = List.copyOf(serviceJavaOptions);
    }

    /** A command line or environment the launcher cannot run with; the message names the setting. */
    public static final class UsageException extends Exception {
        public UsageException(String message) {
            super(message);
        }
    }

    /** The flags, their environment variables and defaults, for {@code --help}. */
    public static String usage() {
        return """
                Usage: java -jar local-stack/target/local-stack.jar [options]

                Starts Kafka and PostgreSQL on 127.0.0.1, then every service as its own process, and waits until
                all are ready. Ctrl-C stops everything. Run it from the repository root after
                ./mvnw -DskipTests package.

                Options (flag, environment variable, default):
                  --state-dir DIR            CSMS_STATE_DIR             .local-stack
                  --kafka-port PORT          CSMS_KAFKA_PORT            29092
                  --kafka-controller-port P  CSMS_KAFKA_CONTROLLER_PORT 29093
                  --postgres-port PORT       CSMS_POSTGRES_PORT         25432
                  --partitions N             CSMS_TOPIC_PARTITIONS      3
                  --ready-timeout SECONDS    CSMS_READY_TIMEOUT         120
                  --java-opts "OPTS"         CSMS_SERVICE_JAVA_OPTS     (none)  JVM options for every service
                  --port NAME=PORT           change one service's port, e.g. --port session-service=9081
                  --service NAME,PORT,JAR[,DATABASE]
                                             run this service instead of the platform's five (repeatable)
                  --help
                """;
    }

    /**
     * Reads flags first, then {@code env}, then defaults. Service jars are resolved against
     * {@code workingDirectory}, which the launcher expects to be the repository root.
     */
    public static LauncherConfig parse(List<String> args, Map<String, String> env, Path workingDirectory)
            throws UsageException {
        Map<String, String> flags = new LinkedHashMap<>();
        Map<String, Integer> portOverrides = new LinkedHashMap<>();
        List<ServiceSpec> customServices = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String flag = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inlineValue = flag.length() < arg.length() ? arg.substring(flag.length() + 1) : null;
            if (!List.of("--state-dir", "--kafka-port", "--kafka-controller-port", "--postgres-port", "--partitions",
                    "--ready-timeout", "--java-opts", "--port", "--service").contains(flag)) {
                throw new UsageException("unknown option '" + arg + "'");
            }
            String value = inlineValue;
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(flag + " needs a value");
                }
                value = args.get(++i);
            }
            switch (flag) {
                case "--port" -> {
                    int equals = value.indexOf('=');
                    if (equals < 1) {
                        throw new UsageException("--port takes NAME=PORT, got '" + value + "'");
                    }
                    portOverrides.put(value.substring(0, equals), port("--port " + value.substring(0, equals),
                            value.substring(equals + 1)));
                }
                case "--service" -> customServices.add(service(value, workingDirectory));
                default -> flags.put(flag, value);
            }
        }

        List<ServiceSpec> services = new ArrayList<>(
                customServices.isEmpty() ? ServiceSpec.platform(workingDirectory) : customServices);
        for (Map.Entry<String, Integer> override : portOverrides.entrySet()) {
            int index = indexOf(services, override.getKey());
            if (index < 0) {
                throw new UsageException("--port names unknown service '" + override.getKey() + "'; services are "
                        + services.stream().map(ServiceSpec::name).toList());
            }
            services.set(index, services.get(index).withPort(override.getValue()));
        }

        String javaOptions = setting(flags, env, "--java-opts", "CSMS_SERVICE_JAVA_OPTS", "").trim();
        int readySeconds = positive("--ready-timeout",
                setting(flags, env, "--ready-timeout", "CSMS_READY_TIMEOUT", String.valueOf(DEFAULT_READY_TIMEOUT.toSeconds())));
        return new LauncherConfig(
                workingDirectory.resolve(setting(flags, env, "--state-dir", "CSMS_STATE_DIR", ".local-stack")).normalize(),
                port("--kafka-port", setting(flags, env, "--kafka-port", "CSMS_KAFKA_PORT", String.valueOf(DEFAULT_KAFKA_PORT))),
                port("--kafka-controller-port", setting(flags, env, "--kafka-controller-port",
                        "CSMS_KAFKA_CONTROLLER_PORT", String.valueOf(DEFAULT_KAFKA_CONTROLLER_PORT))),
                port("--postgres-port", setting(flags, env, "--postgres-port", "CSMS_POSTGRES_PORT",
                        String.valueOf(DEFAULT_POSTGRES_PORT))),
                positive("--partitions", setting(flags, env, "--partitions", "CSMS_TOPIC_PARTITIONS", "3")),
                Duration.ofSeconds(readySeconds),
                Duration.ofSeconds(15),
                services,
                javaOptions.isEmpty() ? List.of() : Arrays.asList(javaOptions.split("\\s+")));
    }

    /** Every port this configuration binds, named by the setting that changes it; duplicates rejected. */
    public Map<Integer, String> portsBySetting() throws UsageException {
        Map<Integer, String> ports = new LinkedHashMap<>();
        claim(ports, kafkaPort, "Kafka (--kafka-port or CSMS_KAFKA_PORT)");
        claim(ports, kafkaControllerPort, "the Kafka controller (--kafka-controller-port or CSMS_KAFKA_CONTROLLER_PORT)");
        claim(ports, postgresPort, "PostgreSQL (--postgres-port or CSMS_POSTGRES_PORT)");
        for (ServiceSpec service : services) {
            claim(ports, service.port(), service.name() + " (--port " + service.name() + "=<port>)");
        }
        return ports;
    }

    private static void claim(Map<Integer, String> ports, int port, String owner) throws UsageException {
        String previous = ports.putIfAbsent(port, owner);
        if (previous != null) {
            throw new UsageException("port " + port + " is configured twice: for " + previous + " and for " + owner);
        }
    }

    private static ServiceSpec service(String value, Path workingDirectory) throws UsageException {
        String[] parts = value.split(",", -1);
        if (parts.length < 3 || parts.length > 4 || parts[0].isBlank() || parts[2].isBlank()) {
            throw new UsageException("--service takes NAME,PORT,JAR[,DATABASE], got '" + value + "'");
        }
        Optional<String> database = parts.length == 4 && !parts[3].isBlank() ? Optional.of(parts[3]) : Optional.empty();
        return new ServiceSpec(parts[0], port("--service " + parts[0] + " port", parts[1]),
                workingDirectory.resolve(parts[2]), database);
    }

    private static int indexOf(List<ServiceSpec> services, String name) {
        for (int i = 0; i < services.size(); i++) {
            if (services.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String setting(Map<String, String> flags, Map<String, String> env, String flag, String variable,
            String defaultValue) {
        String fromFlag = flags.get(flag);
        if (fromFlag != null) {
            return fromFlag;
        }
        String fromEnv = env.get(variable);
        return fromEnv != null && !fromEnv.isBlank() ? fromEnv : defaultValue;
    }

    private static int port(String setting, String value) throws UsageException {
        int port = integer(setting, value);
        if (port < 1 || port > 65535) {
            throw new UsageException(setting + " must be a port number from 1 to 65535, got '" + value + "'");
        }
        return port;
    }

    private static int positive(String setting, String value) throws UsageException {
        int number = integer(setting, value);
        if (number < 1) {
            throw new UsageException(setting + " must be a positive number, got '" + value + "'");
        }
        return number;
    }

    private static int integer(String setting, String value) throws UsageException {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(setting + " must be a number, got '" + value + "'");
        }
    }
}
