package dev.csms.simulator.cli;

import dev.csms.simulator.scenario.Durations;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The simulator's command line: {@code java -jar simulator/target/simulator.jar run ...} (see {@link RunCommand}
 * and docs/simulator.md).
 */
@Command(name = "simulator", mixinStandardHelpOptions = true, version = "CSMS station simulator 0.1.0",
        description = "Simulates OCPP 1.6 / 2.0.1 / 2.1 charging stations against a CSMS.",
        subcommands = {RunCommand.class, LoadCommand.class, CommandLine.HelpCommand.class})
public final class SimulatorCli implements Runnable {

    @Spec
    private CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        // The schema validator logs through SLF4J, which the CLI does not bind (its output is the progress and
        // the summary): choose the no-op provider explicitly so SLF4J does not warn about a missing one.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line, with the converters the options need (for tests: call execute and read the output). */
    public static CommandLine commandLine() {
        return new CommandLine(new SimulatorCli())
                .registerConverter(Duration.class, Durations::parse)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: use 'run' (see --help)");
    }
}
