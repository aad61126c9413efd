package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.CallError;
import dev.csms.ocpp.rpc.RpcErrorCode;
import dev.csms.simulator.cli.SimulatorCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI against the test CSMS: progress, the summary with the expected counts, exit codes. */
class SimulatorCliTest {

    private TestCsms csms;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void start() throws Exception {
        csms = TestCsms.start(SimulatorTestSupport.validator());
    }

    @AfterEach
    void stop() throws Exception {
        csms.close();
    }

    private int run(String... args) {
        CommandLine cli = SimulatorCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void aSmallRunPrintsTheSummaryWithTheExpectedCounts() {
        int exit = run("run", "--url", csms.url(), "--stations", "3", "--version", "2.0.1", "--connectors", "2",
                "--exit-when-booted", "--duration", "60s", "--progress-interval", "100ms", "--fail-on-errors");
        String output = out.toString();
        assertThat(exit).as(output + err).isZero();
        assertThat(output).contains("simulator: 3 station(s) -> " + csms.url());
        assertThat(output).containsPattern("all 3 station\\(s\\) booted after \\d+\\.\\d\\d s");
        assertThat(row(output, "BootNotification")).isEqualTo("3 3 0 0");
        assertThat(row(output, "StatusNotification")).isEqualTo("6 6 0 0");
        assertThat(output).contains("CALLERRORs received: none", "Schema violations:   received none; sent none",
                "Connections:         3 attempts, 3 opened", "Errors:              0");
        assertThat(csms.received()).hasSize(9);
        assertThat(csms.violations()).isEmpty();
    }

    @Test
    void errorsMakeTheExitCodeOneWhenAsked() {
        csms.respond("BootNotification", (station, call) ->
                CallError.of(OcppVersion.V1_6, call.messageId(), RpcErrorCode.INTERNAL_ERROR, "no", null));
        int exit = run("run", "--url", csms.url(), "--stations", "2", "--version", "1.6", "--duration", "1s",
                "--progress-interval", "200ms", "--fail-on-errors");
        String output = out.toString();
        assertThat(exit).as(output).isEqualTo(1);
        assertThat(output).contains("CALLERRORs received: InternalError=");
        assertThat(output).contains("[").contains("connected 2/2  booted 0");
        assertThat(row(output, "BootNotification")).startsWith("2 0 2");
    }

    @Test
    void aScenarioFileRunsAndItsMistakesExitWithTwo(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, """
                url: ws://127.0.0.1:1/ignored
                groups:
                  - count: 2
                    version: "2.1"
                    idPattern: "TINY-{n}"
                """);
        int exit = run("run", "--url", csms.url(), "--scenario", scenario.toString(), "--exit-when-booted",
                "--duration", "60s");
        assertThat(exit).as(out.toString() + err).isZero();
        assertThat(row(out.toString(), "BootNotification")).isEqualTo("2 2 0 0");

        Files.writeString(scenario, "url: ws://127.0.0.1:1/x\ngroups:\n  - count: 2\n    version: \"3.0\"\n");
        assertThat(run("run", "--scenario", scenario.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("'3.0' is not an OCPP version");
        assertThat(run("run", "--stations", "1")).isEqualTo(2);
        assertThat(err.toString()).contains("url: missing");
        assertThat(run("fly")).isEqualTo(2);
    }

    /** "sent results errors timeouts" of an action's summary row. */
    private static String row(String output, String action) {
        Matcher matcher = Pattern.compile("^\\s+" + action + "\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s",
                Pattern.MULTILINE).matcher(output);
        assertThat(matcher.find()).as(action + " row in\n" + output).isTrue();
        return matcher.group(1) + " " + matcher.group(2) + " " + matcher.group(3) + " " + matcher.group(4);
    }
}
