package dev.csms.benchmarks;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code notifications}: inbound notifications through to Kafka with acks=all, counted as answered CALLRESULTs
 * (the gateway answers a notification only after Kafka acknowledged it).
 */
@Command(name = "notifications", sortOptions = false,
        description = "Notifications per second through to Kafka with acks=all (target >= 15,000/s).")
final class NotificationsBenchmark extends TrafficBenchmark {

    static final double TARGET_PER_SECOND = 15_000;

    @Option(names = "--stations", description = "Stations (default: ${DEFAULT-VALUE})", defaultValue = "5000")
    int stations;

    @Option(names = "--rate", description = "Offered notifications per second in all (default: ${DEFAULT-VALUE})",
            defaultValue = "20000")
    double rate;

    @Option(names = "--duration", description = "Measured phase (default: ${DEFAULT-VALUE})", defaultValue = "30s")
    Duration duration;

    @Option(names = "--action", description = "StatusNotification, MeterValues or Heartbeat "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "StatusNotification")
    String action;

    @Override
    String name() {
        return "notifications";
    }

    @Override
    int stations() {
        return stations;
    }

    @Override
    int generatorCount() {
        // two processes by default: one generator's event loop is the bottleneck before the gateway is
        return generators != null ? generators : Math.max(2, super.generatorCount());
    }

    @Override
    void measure(BenchPlatform platform, ResultTable table) {
        if (!action.equals("StatusNotification") && !action.equals("MeterValues") && !action.equals("Heartbeat")) {
            throw new IllegalArgumentException("--action must be a notification: StatusNotification, MeterValues "
                    + "or Heartbeat, not " + action);
        }
        Phase phase = run(platform, stations, action, rate, duration, table);
        double throughput = phase.answeredPerSecond();
        table.add("offered", String.format(Locale.ROOT, "%s %s for %d s", perSecond(rate), action,
                        duration.toSeconds()))
                .add("answered (acks=all)", perSecond(throughput), ">= 15,000/s", throughput >= TARGET_PER_SECOND)
                .add("sent / answered / errors", phase.sent() + " / " + phase.answered() + " / " + phase.errors())
                .add("skipped (station still waiting)", String.valueOf(phase.skipped()))
                .add("round trip p50 / p99", Latencies.millis(Latencies.percentileMillis(phase.latencies(), 50))
                        + " / " + Latencies.millis(Latencies.percentileMillis(phase.latencies(), 99)));
    }
}
