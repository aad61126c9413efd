package dev.csms.benchmarks;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where things are and how processes are started, from the common options.
 *
 * @param repositoryRoot        the checkout (service jars, simulator jar, docs)
 * @param logDirectory          every process's log
 * @param serviceJavaOptions    JVM options of the service processes
 * @param generatorJavaOptions  JVM options of the load generators
 * @param generatorEventLoops   Vert.x event loops per load generator
 * @param gatewayProperties     extra {@code -D} settings of the gateway
 * @param heartbeatSeconds      heartbeat interval the answerer (or device-service) gives booting stations
 */
public record BenchSettings(Path repositoryRoot, Path logDirectory, List<String> serviceJavaOptions,
        List<String> generatorJavaOptions, int generatorEventLoops, Map<String, String> gatewayProperties,
        int heartbeatSeconds) {

    /** The simulator's runnable jar. */
    public Path simulatorJar() {
        return repositoryRoot.resolve("simulator/target/simulator.jar");
    }

    /** Fails with the command that builds what is missing. */
    public void requireBuilt() {
        List<String> missing = Stream.of(simulatorJar(),
                        repositoryRoot.resolve("gateway-service/target/quarkus-app/quarkus-run.jar"),
                        repositoryRoot.resolve("device-service/target/quarkus-app/quarkus-run.jar"))
                .filter(path -> !BenchPlatform.isFile(path)).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built: " + missing + " (run ./mvnw -DskipTests package in "
                    + repositoryRoot + ")");
        }
    }
}
