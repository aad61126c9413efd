package dev.csms.benchmarks;

import dev.csms.simulator.scenario.Durations;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar <benchmark> [options]} (docs/benchmarks.md): each benchmark
 * starts what it needs, prints a result table and appends a row to docs/benchmarks.md.
 */
@Command(name = "benchmarks", mixinStandardHelpOptions = true, version = "CSMS benchmarks 0.1.0",
        description = "Benchmarks of the CSMS on this machine (docs/benchmarks.md).",
        subcommands = {IdleConnectionsBenchmark.class, NotificationsBenchmark.class, DecisionsBenchmark.class,
                ReconnectStormBenchmark.class, CommandLine.HelpCommand.class})
public final class BenchmarksCli implements Runnable {

    @Spec
    private CommandSpec spec;

    /** The arguments as given, for the results row. */
    static String[] arguments = new String[0];

    public static void main(String[] args) {
        arguments = args.clone();
        // Kafka (in this JVM) and the PostgreSQL wrapper log through slf4j-simple: warnings only, to a file
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new BenchmarksCli()).registerConverter(Duration.class, Durations::parse);
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Missing benchmark: idle-connections, notifications, decisions or reconnect-storm (see --help)");
    }
}
