package dev.csms.benchmarks;

import dev.csms.localstack.launcher.ServiceProcess;
import dev.csms.simulator.load.LoadProtocol.Message;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Option;

/**
 * A fleet booted against the gateway and the minimal answering consumer, then a warm-up phase and a measured
 * phase of one action at a fixed offered rate (split evenly over the load generators).
 */
abstract class TrafficBenchmark extends BenchmarkCommand {

    @Option(names = "--ramp-up", description = "Stations connecting per second in all (default: ${DEFAULT-VALUE})",
            defaultValue = "1000")
    double rampUp;

    @Option(names = "--warmup", description = "Warm-up at the same rate, not counted (default: ${DEFAULT-VALUE})",
            defaultValue = "10s")
    Duration warmup;

    /** What one phase measured, over every generator. */
    record Phase(long sent, long answered, long errors, long skipped, long elapsedMs, Histogram latencies) {

        double answeredPerSecond() {
            return elapsedMs <= 0 ? 0 : answered * 1000.0 / elapsedMs;
        }
    }

    /** Boots the fleet, warms up, measures. */
    Phase run(BenchPlatform platform, int stations, String action, double rate, Duration duration,
            ResultTable table) {
        ServiceProcess gateway = platform.startGateway();
        platform.startAnswerer();
        Fleet fleet = new Fleet(platform.startGenerators(BenchPlatform.stationUrl(gateway), stations,
                generatorCount(), "LOAD-"));
        List<Message> booted = fleet.connect(rampUp, Duration.ofSeconds((long) (stations / rampUp) + 120));
        table.add("stations booted", Fleet.sum(booted, "accepted") + " / " + stations);
        if (!warmup.isZero()) {
            fleet.traffic(action, rate, warmup);
        }
        List<Message> measured = fleet.traffic(action, rate, duration);
        Histogram latencies = Latencies.merge(measured.stream().map(m -> m.histogram("histogram")).toList());
        return new Phase(Fleet.sum(measured, "sent"), Fleet.sum(measured, "answered"), Fleet.sum(measured, "errors"),
                Fleet.sum(measured, "skipped"), Fleet.max(measured, "elapsedMs"), latencies);
    }

    static String perSecond(double value) {
        return String.format(Locale.ROOT, "%,.0f/s", value);
    }
}
