package dev.csms.benchmarks;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * What every benchmark shares: the common options, starting the platform, printing the table and appending the
 * row to docs/benchmarks.md. A subclass measures in {@link #measure}.
 */
abstract class BenchmarkCommand implements Callable<Integer> {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    boolean help;

    @Option(names = "--generators", description = "Load generator processes (default: one per 9,500 stations)")
    Integer generators;

    @Option(names = "--repository-root", description = "The checkout (default: the one this jar was built in)")
    Path repositoryRoot;

    @Option(names = "--results", description = "Markdown file the result row is appended to "
            + "(default: docs/benchmarks.md of the checkout)")
    Path results;

    @Option(names = "--no-record", description = "Print the table only; append nothing")
    boolean noRecord;

    @Option(names = "--note", description = "Note for the results row, e.g. 'smoke run' (default: ${DEFAULT-VALUE})",
            defaultValue = "")
    String note;

    @Option(names = "--service-java-opts", description = "JVM options of the service processes "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "-Xms64m -Xmx1g -XX:+UseSerialGC")
    String serviceJavaOptions;

    @Option(names = "--generator-java-opts", description = "JVM options of the load generators "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "-Xms64m -Xmx1g -XX:+UseSerialGC")
    String generatorJavaOptions;

    @Option(names = "--generator-event-loops", description = "Vert.x event loops per load generator "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "1")
    int generatorEventLoops;

    @Option(names = "--gateway-property", paramLabel = "KEY=VALUE", description = "Extra gateway setting, "
            + "repeatable, e.g. csms.gateway.connections.max-concurrent-handshakes=1000")
    Map<String, String> gatewayProperties = new LinkedHashMap<>();

    @Option(names = "--log-directory", description = "Logs of every process (default: benchmarks/target/"
            + "benchmark-logs/<benchmark> in the checkout)")
    Path logDirectory;

    /** The benchmark's name as on the command line. */
    abstract String name();

    /** Runs the benchmark on a started platform and fills the table. */
    abstract void measure(BenchPlatform platform, ResultTable table) throws Exception;

    /** Stations in all, for the default number of generators. */
    abstract int stations();

    int generatorCount() {
        return generators != null ? generators : Math.max(1, (stations() + 9_499) / 9_500);
    }

    @Override
    public Integer call() throws Exception {
        Machine machine = Machine.current();
        Instant started = Instant.now();
        Path root = repositoryRoot != null ? repositoryRoot.toAbsolutePath().normalize() : defaultRoot();
        Path logs = logDirectory != null ? logDirectory : root.resolve("benchmarks/target/benchmark-logs").resolve(name());
        Files.createDirectories(logs);
        // before the local stack starts: Kafka's and the PostgreSQL wrapper's warnings go to a file
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            System.setProperty("org.slf4j.simpleLogger.logFile", logs.resolve("local-stack.log").toString());
        }
        BenchSettings settings = new BenchSettings(root, logs, split(serviceJavaOptions),
                split(generatorJavaOptions), generatorEventLoops, gatewayProperties, heartbeatSeconds());
        System.out.printf("%s: %s; logs in %s%n", name(), machine.describe(), logs);
        ResultTable table = new ResultTable(name());
        try (BenchPlatform platform = BenchPlatform.start(settings)) {
            measure(platform, table);
        }
        System.out.print(table.render());
        if (!noRecord) {
            Path file = results != null ? results : root.resolve("docs/benchmarks.md");
            String command = "java -jar benchmarks/target/benchmarks.jar " + String.join(" ", BenchmarksCli.arguments);
            ResultsLog.append(file, started, name(), machine, command, table, note);
            System.out.println("recorded in " + file);
        }
        return 0;
    }

    /** The heartbeat interval booted stations get: long, so that heartbeats do not disturb the measurement. */
    int heartbeatSeconds() {
        return 3600;
    }

    static List<String> split(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    /** benchmarks/target/benchmarks.jar -> the checkout; else the working directory. */
    private static Path defaultRoot() {
        try {
            Path jar = Path.of(BenchmarksCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path root = jar.getParent() == null ? null : jar.getParent().getParent() == null ? null
                    : jar.getParent().getParent().getParent();
            if (root != null && Files.isDirectory(root.resolve("gateway-service"))) {
                return root;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // fall through to the working directory
        }
        return Path.of("").toAbsolutePath();
    }

    /** Sleeps for a measurement's settling time (a benchmark is not a reactive service: blocking is the point). */
    static void pause(java.time.Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

}
