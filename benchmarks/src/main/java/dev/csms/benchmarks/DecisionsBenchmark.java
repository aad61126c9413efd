package dev.csms.benchmarks;

import java.time.Duration;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code decisions}: Authorize at a fixed rate, each a decision round trip station -> gateway -> ocpp.inbound ->
 * the minimal answering consumer -> ocpp.outbound -> gateway -> station; latency percentiles at the station.
 */
@Command(name = "decisions", sortOptions = false,
        description = "Decision round trip (Authorize through Kafka) p50/p95/p99 at a fixed rate (target p99 <= 50 ms "
                + "at 1,000/s).")
final class DecisionsBenchmark extends TrafficBenchmark {

    static final double TARGET_P99_MS = 50;

    @Option(names = "--stations", description = "Stations (default: ${DEFAULT-VALUE})", defaultValue = "1000")
    int stations;

    @Option(names = "--rate", description = "Authorize per second in all (default: ${DEFAULT-VALUE})",
            defaultValue = "1000")
    double rate;

    @Option(names = "--duration", description = "Measured phase (default: ${DEFAULT-VALUE})", defaultValue = "60s")
    Duration duration;

    @Override
    String name() {
        return "decisions";
    }

    @Override
    int stations() {
        return stations;
    }

    @Override
    void measure(BenchPlatform platform, ResultTable table) {
        Phase phase = run(platform, stations, "Authorize", rate, duration, table);
        Histogram h = phase.latencies();
        double p99 = Latencies.percentileMillis(h, 99);
        table.add("offered", String.format(Locale.ROOT, "%s Authorize for %d s (answered by the minimal answering "
                        + "consumer)", perSecond(rate), duration.toSeconds()))
                .add("answered", perSecond(phase.answeredPerSecond()))
                .add("sent / answered / errors", phase.sent() + " / " + phase.answered() + " / " + phase.errors())
                .add("skipped (station still waiting)", String.valueOf(phase.skipped()))
                .add("p50", Latencies.millis(Latencies.percentileMillis(h, 50)))
                .add("p95", Latencies.millis(Latencies.percentileMillis(h, 95)))
                .add("p99", Latencies.millis(p99), "<= 50 ms", p99 <= TARGET_P99_MS && phase.errors() == 0
                        && phase.answered() > 0)
                .add("max", Latencies.millis(h.getMaxValue() / 1000.0));
    }
}
