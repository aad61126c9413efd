package dev.csms.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness's own logic: /proc parsing, percentiles of merged histograms, the table and the results file. */
class BenchmarkSupportTest {

    private static final Machine MACHINE = new Machine(2, 24L * 1024 * 1024 * 1024, "17.0.15+6", 1.5);

    @Test
    void readsVmRssAndMachineFiguresFromProcText() {
        String status = "Name:\tjava\nVmPeak:\t 9000 kB\nVmRSS:\t  123456 kB\nThreads:\t42\n";
        assertThat(ProcessMemory.parseVmRss(status)).isEqualTo(123456L * 1024);
        assertThatThrownBy(() -> ProcessMemory.parseVmRss("Name:\tjava\n")).hasMessageContaining("VmRSS");
        assertThat(Machine.parseMemTotal("MemTotal:       24567890 kB\nMemFree: 1 kB\n"))
                .isEqualTo(24567890L * 1024);
        assertThat(Machine.parseMemTotal("")).isZero();
        assertThat(Machine.parseLoadAverage("3.25 2.10 1.00 2/345 6789\n")).isEqualTo(3.25);
        assertThat(Machine.parseLoadAverage("")).isEqualTo(-1);
        assertThat(MACHINE.describe()).isEqualTo("2 cores, 24.0 GiB, JDK 17.0.15+6, load 1.50");
    }

    @Test
    void readsThisProcessesOwnRss() {
        long rss = ProcessMemory.residentBytes(ProcessHandle.current().pid());
        assertThat(rss).isGreaterThan(1024 * 1024);
        assertThat(ProcessMemory.openFiles(ProcessHandle.current().pid())).isPositive();
    }

    @Test
    void mergedHistogramsGiveExactPercentiles() {
        Histogram fast = new Histogram(3);
        Histogram slow = new Histogram(3);
        for (int i = 1; i <= 90; i++) {
            fast.recordValue(1_000);   // 1 ms
        }
        for (int i = 1; i <= 10; i++) {
            slow.recordValue(80_000);  // 80 ms
        }
        Histogram merged = Latencies.merge(List.of(fast, slow));
        assertThat(merged.getTotalCount()).isEqualTo(100);
        assertThat(Latencies.percentileMillis(merged, 50)).isCloseTo(1.0, within(0.01));
        assertThat(Latencies.percentileMillis(merged, 95)).isCloseTo(80.0, within(0.1));
        assertThat(Latencies.percentileMillis(new Histogram(3), 99)).isZero();
        assertThat(Latencies.millis(12.345)).isEqualTo("12.3 ms");
    }

    @Test
    void theTableShowsTargetsAndWhetherTheyWereMet() {
        ResultTable table = new ResultTable("decisions")
                .add("p50", "3.1 ms")
                .add("p99", "61.0 ms", "<= 50 ms", false);
        assertThat(table.targetsMet()).isFalse();
        assertThat(table.render()).contains("=== decisions ===", "p99", "61.0 ms", "<= 50 ms  NOT met");
        assertThat(table.summaryCell()).isEqualTo("p50 3.1 ms; p99 61.0 ms (target <= 50 ms, NOT met)");
        assertThat(new ResultTable("x").add("a|b", "1", "2", true).summaryCell()).isEqualTo("a\\|b 1 (target 2, met)");
    }

    @Test
    void rowsAreAppendedUnderTheResultsTable(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("benchmarks.md");
        Files.writeString(file, "# Benchmarks\n\n## Results\n");
        ResultTable table = new ResultTable("notifications").add("answered", "15,100/s", ">= 15,000/s", true);
        Instant when = Instant.parse("2026-12-06T18:30:00Z");
        ResultsLog.append(file, when, "notifications", MACHINE, "java -jar benchmarks/target/benchmarks.jar "
                + "notifications --stations 500", table, "smoke run");
        ResultsLog.append(file, when.plusSeconds(60), "decisions", MACHINE, "java -jar x.jar decisions",
                new ResultTable("decisions").add("p99", "9.0 ms"), "");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).containsSubsequence("## Results", "",
                "| date (UTC) | benchmark | machine (at start) | command | result | note |",
                "|---|---|---|---|---|---|",
                "| 2026-12-06 18:30 | notifications | 2 cores, 24.0 GiB, JDK 17.0.15+6, load 1.50 | "
                        + "`java -jar benchmarks/target/benchmarks.jar notifications --stations 500` | "
                        + "answered 15,100/s (target >= 15,000/s, met) | smoke run |",
                "| 2026-12-06 18:31 | decisions | 2 cores, 24.0 GiB, JDK 17.0.15+6, load 1.50 | "
                        + "`java -jar x.jar decisions` | p99 9.0 ms |  |");
        assertThat(lines.stream().filter(l -> l.startsWith("| date"))).hasSize(1);
    }

    @Test
    void optionsAreSplitOnWhitespace() {
        assertThat(BenchmarkCommand.split("  -Xmx1g   -XX:+UseSerialGC ")).containsExactly("-Xmx1g", "-XX:+UseSerialGC");
        assertThat(BenchmarkCommand.split("")).isEmpty();
    }

    @Test
    void theCommandLineKnowsEveryBenchmark() {
        var cli = BenchmarksCli.commandLine();
        assertThat(cli.getSubcommands().keySet())
                .contains("idle-connections", "notifications", "decisions", "reconnect-storm");
        assertThat(cli.getSubcommands().get("reconnect-storm").getCommandSpec().findOption("--stations")
                .defaultValue()).isEqualTo("19000");
    }
}
