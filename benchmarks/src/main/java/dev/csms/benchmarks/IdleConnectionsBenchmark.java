package dev.csms.benchmarks;

import dev.csms.localstack.launcher.ServiceProcess;
import dev.csms.simulator.load.LoadProtocol.Message;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code idle-connections}: N stations connect and boot (answered by the minimal answering consumer), then idle;
 * the gateway's resident memory (VmRSS after a full GC) before the first and after the last, per connection.
 */
@Command(name = "idle-connections", sortOptions = false,
        description = "Gateway RSS per idle connection (target <= 16 KB).")
final class IdleConnectionsBenchmark extends BenchmarkCommand {

    static final double TARGET_BYTES = 16 * 1024;

    @Option(names = "--stations", description = "Stations (default: ${DEFAULT-VALUE})", defaultValue = "10000")
    int stations;

    @Option(names = "--ramp-up", description = "Stations connecting per second in all (default: ${DEFAULT-VALUE})",
            defaultValue = "1000")
    double rampUp;

    @Option(names = "--idle", description = "How long the fleet idles before the second reading "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "30s")
    Duration idle;

    @Override
    String name() {
        return "idle-connections";
    }

    @Override
    int stations() {
        return stations;
    }

    @Override
    void measure(BenchPlatform platform, ResultTable table) {
        ServiceProcess gateway = platform.startGateway();
        platform.startAnswerer();
        long pid = gateway.handle().pid();
        pause(Duration.ofSeconds(5));
        Jvm.fullGc(pid);
        long before = ProcessMemory.residentBytes(pid);
        long filesBefore = ProcessMemory.openFiles(pid);

        Fleet fleet = new Fleet(platform.startGenerators(BenchPlatform.stationUrl(gateway), stations,
                generatorCount(), "IDLE-"));
        Duration timeout = Duration.ofSeconds((long) (stations / rampUp) + 120);
        List<Message> booted = fleet.connect(rampUp, timeout);
        long accepted = Fleet.sum(booted, "accepted");
        pause(idle);
        Jvm.fullGc(pid);
        long after = ProcessMemory.residentBytes(pid);
        long filesAfter = ProcessMemory.openFiles(pid);
        List<Message> stats = fleet.all(i -> "stats", "stats", Duration.ofSeconds(30));
        long connected = Fleet.sum(stats, "connected");
        double perConnection = (after - before) / (double) Math.max(1, connected);

        table.add("stations connected and booted", String.format(Locale.ROOT, "%d / %d", Math.min(accepted,
                        connected), stations))
                .add("boot of the fleet", String.format(Locale.ROOT, "%.1f s at %.0f/s", Fleet.max(booted,
                        "elapsedMs") / 1000.0, rampUp))
                .add("gateway RSS before", mb(before))
                .add("gateway RSS after " + idle.toSeconds() + " s idle", mb(after))
                .add("gateway RSS per connection", String.format(Locale.ROOT, "%.1f KB", perConnection / 1024),
                        "<= 16 KB", perConnection <= TARGET_BYTES && connected == stations)
                .add("gateway open files", filesBefore + " -> " + filesAfter)
                .add("boot errors (CALLERRORs, timeouts, violations, failed connections)",
                        String.valueOf(Fleet.sum(booted, "errors")))
                .add("upgrades deferred by the handshake cap (HTTP 503 + Retry-After, retried)",
                        String.valueOf(Fleet.sum(booted, "deferred")));
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
