package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.csms.simulator.cli.SimulatorCli;
import dev.csms.simulator.load.LoadProtocol;
import dev.csms.simulator.load.LoadProtocol.Message;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The load mode ({@code simulator load}) against the test CSMS on the wall clock, and its line protocol. */
class LoadModeTest {

    private TestCsms csms;
    private final InputStream originalIn = System.in;

    @BeforeEach
    void start() throws Exception {
        csms = TestCsms.start(SimulatorTestSupport.validator());
    }

    @AfterEach
    void stop() throws Exception {
        System.setIn(originalIn);
        csms.close();
    }

    @Test
    void connectsDrivesTrafficAtTheRateAndRestartsTheFleet() {
        List<Message> messages = runLoad("""
                connect 0 30
                traffic Heartbeat 200 1
                traffic Authorize 100 1
                restart 30
                stats
                bogus
                quit
                """, "--stations", "5", "--version", "2.0.1");
        assertThat(messages).extracting(Message::event)
                .containsExactly("ready", "booted", "traffic", "traffic", "booted", "stats", "error", "bye");
        Message booted = messages.get(1);
        assertThat(booted.number("accepted")).isEqualTo(5);
        assertThat(booted.text("complete")).isEqualTo("true");
        assertThat(booted.number("errors")).isZero();
        assertThat(booted.fields()).containsKeys("deferred", "callErrors", "timeouts", "violations",
                "frameErrors", "connectFailures");

        Message heartbeats = messages.get(2);
        assertThat(heartbeats.text("action")).isEqualTo("Heartbeat");
        // 200/s for 1 s over 5 stations: every offered CALL is either sent or skipped (its station still waiting for
        // an answer); how many are skipped depends on the machine's load, so only the sum is exact
        assertThat(heartbeats.number("sent")).isPositive();
        assertThat(heartbeats.number("sent") + heartbeats.number("skipped")).isEqualTo(200);
        assertThat(heartbeats.number("answered")).isEqualTo(heartbeats.number("sent"));
        assertThat(heartbeats.number("errors")).isZero();
        Histogram latencies = heartbeats.histogram("histogram");
        assertThat(latencies.getTotalCount()).isEqualTo(heartbeats.number("answered"));
        assertThat(latencies.getValueAtPercentile(50)).isPositive();

        Message authorizations = messages.get(3);
        assertThat(authorizations.number("answered")).isPositive().isEqualTo(authorizations.number("sent"));
        assertThat(authorizations.number("errors")).isZero();

        Message storm = messages.get(4);
        assertThat(storm.number("accepted")).isEqualTo(5);
        assertThat(storm.text("complete")).isEqualTo("true");
        assertThat(csms.violations()).isEmpty();
        assertThat(messages.get(5).number("violations")).isZero();
        assertThat(messages.get(6).text("reason")).isEqualTo("unknown-command:bogus");
    }

    @Test
    void offThenOnIsAStormInTwoStepsSoThatSeveralGeneratorsStartTogether() {
        List<Message> messages = runLoad("""
                connect 0 30
                off 30
                stats
                on 30
                quit
                """, "--stations", "4", "--version", "2.0.1");
        assertThat(messages).extracting(Message::event).containsExactly("ready", "booted", "off", "stats", "booted",
                "bye");
        Message off = messages.get(2);
        assertThat(off.number("stations")).isEqualTo(4);
        assertThat(off.number("off")).isEqualTo(4);
        assertThat(off.text("complete")).isEqualTo("true");
        // "off" answers once every connection is closed at the TCP level, not only counted as disconnected
        assertThat(off.text("closing")).isEqualTo("0");
        // nothing is started again before "on": all four are still disconnected when the stats are taken
        assertThat(messages.get(3).number("connected")).isZero();
        assertThat(messages.get(3).number("accepted")).isZero();
        Message on = messages.get(4);
        assertThat(on.number("accepted")).isEqualTo(4);
        assertThat(on.text("complete")).isEqualTo("true");
        assertThat(on.number("errors")).isZero();
        // every station booted twice: once at connect, once at on
        for (int i = 1; i <= 4; i++) {
            assertThat(csms.calls("LOAD-00000" + i, "BootNotification")).hasSize(2);
        }
        assertThat(csms.violations()).isEmpty();
    }

    @Test
    void theLineProtocolRoundTripsFieldsAndHistograms() {
        Histogram histogram = new Histogram(3_600_000_000L, 3);
        histogram.recordValue(1200);
        histogram.recordValue(5400);
        String line = LoadProtocol.line("traffic", Map.of("sent", 2, "histogram", LoadProtocol.encode(histogram)));
        Message message = LoadProtocol.parse(line).orElseThrow();
        assertThat(message.event()).isEqualTo("traffic");
        assertThat(message.number("sent")).isEqualTo(2);
        assertThat(message.number("absent")).isZero();
        assertThat(message.histogram("histogram").getTotalCount()).isEqualTo(2);
        assertThat(message.histogram("histogram").getMaxValue()).isEqualTo(histogram.getMaxValue());
        assertThat(LoadProtocol.parse("simulator: something else")).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> LoadProtocol.line("x", Map.of("k", "a b"))).hasMessageContaining("not a protocol");
        assertThatThrownBy(() -> LoadProtocol.decode("@@")).hasMessageContaining("not an encoded histogram");
    }

    private List<Message> runLoad(String commands, String... args) {
        System.setIn(new ByteArrayInputStream(commands.getBytes(StandardCharsets.UTF_8)));
        StringWriter out = new StringWriter();
        CommandLine cli = SimulatorCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        String[] all = new String[args.length + 3];
        all[0] = "load";
        all[1] = "--url";
        all[2] = csms.url();
        System.arraycopy(args, 0, all, 3, args.length);
        int exit = cli.execute(all);
        assertThat(exit).as(out.toString()).isZero();
        return out.toString().lines().map(LoadProtocol::parse).flatMap(Optional::stream)
                .filter(m -> !m.event().equals("progress")).toList();
    }
}
