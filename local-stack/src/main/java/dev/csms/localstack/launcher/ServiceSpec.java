package dev.csms.localstack.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One service the launcher runs as its own process: {@code java -jar jar} with {@code quarkus.http.port=port}.
 *
 * @param name     the module name; also names the log file {@code logs/<name>.log}
 * @param port     HTTP port on 127.0.0.1
 * @param jar      the runnable jar (a Quarkus {@code quarkus-run.jar})
 * @param database the service's own PostgreSQL database, if it has one
 */
public record ServiceSpec(String name, int port, Path jar, Optional<String> database) {

    /** The service stations connect to, at {@code ws://127.0.0.1:<port>/ocpp/{stationId}}. */
    public static final String GATEWAY = "gateway-service";

    public ServiceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(database, "database");
    }

    /** The platform's five services, built by {@code ./mvnw -DskipTests package} under {@code repositoryRoot}. */
    public static List<ServiceSpec> platform(Path repositoryRoot) {
        return List.of(
                quarkusApp(repositoryRoot, GATEWAY, 8080, null),
                quarkusApp(repositoryRoot, "session-service", 8081, "session"),
                quarkusApp(repositoryRoot, "device-service", 8082, "device"),
                quarkusApp(repositoryRoot, "billing-service", 8083, "billing"),
                quarkusApp(repositoryRoot, "smartcharging-service", 8084, "smartcharging"));
    }

    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(name, newPort, jar, database);
    }

    private static ServiceSpec quarkusApp(Path root, String module, int port, String database) {
        return new ServiceSpec(module, port, root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"),
                Optional.ofNullable(database));
    }
}
