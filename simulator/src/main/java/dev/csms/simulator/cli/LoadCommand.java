package dev.csms.simulator.cli;

import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.ConnectionState;
import dev.csms.simulator.SimulatedStation;
import dev.csms.simulator.Simulator;
import dev.csms.simulator.SimulatorOptions;
import dev.csms.simulator.StationBehaviour;
import dev.csms.simulator.StationConfig;
import dev.csms.simulator.load.LoadDriver;
import dev.csms.simulator.load.LoadProtocol;
import dev.csms.simulator.load.LoadResult;
import dev.csms.simulator.stats.StatsSnapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code load}: the load mode a benchmark drives as a child process. It makes a lean fleet (one connector, no
 * sessions, long heartbeats, no outgoing validation, one Vert.x instance shared by all stations) and then obeys
 * the commands of {@link LoadProtocol} read from standard input, answering with {@code LOAD ...} lines on standard
 * output. Ends on {@code quit} or at the end of its input.
 */
@Command(name = "load", sortOptions = false,
        description = "Load generator for benchmarks: a lean fleet driven by commands on standard input "
                + "(connect, restart, traffic, stats, quit), answering with 'LOAD ...' lines.")
final class LoadCommand implements Callable<Integer> {

    /** How the simulator's statistics name a connection attempt refused with HTTP 503 (see StationRuntime). */
    private static final String HANDSHAKE_CAP_REASON = "HTTP 503";

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    private boolean help;

    @Option(names = "--url", required = true, description = "CSMS base URL; stations connect to <url>/<stationId>")
    private String url;

    @Option(names = "--stations", required = true, description = "Number of stations")
    private int stations;

    @Option(names = "--id-prefix", description = "Station ids: prefix + 6-digit number (default: ${DEFAULT-VALUE})",
            defaultValue = "LOAD-")
    private String idPrefix;

    @Option(names = "--start-index", description = "Number of the first station (default: ${DEFAULT-VALUE})",
            defaultValue = "1")
    private int startIndex;

    @Option(names = "--version", description = "OCPP version 1.6, 2.0.1 or 2.1 (default: ${DEFAULT-VALUE})",
            defaultValue = "2.0.1")
    private String ocppVersion;

    @Option(names = "--heartbeat", description = "Heartbeat interval instead of the CSMS's (default: "
            + "${DEFAULT-VALUE})", defaultValue = "3600s")
    private Duration heartbeat;

    @Option(names = "--local-address", paramLabel = "IP", description = "Local source address(es), repeatable")
    private List<String> localAddresses;

    @Option(names = "--event-loops", description = "Vert.x event-loop threads (default: ${DEFAULT-VALUE})",
            defaultValue = "1")
    private int eventLoops;

    @Option(names = "--progress-interval", description = "Progress line interval while waiting for boots "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "1s")
    private Duration progressInterval;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        OcppVersion version = OcppVersion.fromLabel(ocppVersion).orElse(null);
        if (version == null || stations < 1) {
            out.println(LoadProtocol.line("error", Map.of("reason", "bad-arguments")));
            out.flush();
            return 2;
        }
        SimulatorOptions.Builder options = SimulatorOptions.builder(url).eventLoops(eventLoops)
                .validateOutgoing(false);
        if (localAddresses != null) {
            options.localAddresses(localAddresses);
        }
        StationBehaviour behaviour = StationBehaviour.builder().heartbeatInterval(heartbeat).build();
        List<StationConfig> configs = new ArrayList<>(stations);
        for (int i = 0; i < stations; i++) {
            String id = idPrefix + String.format(Locale.ROOT, "%06d", startIndex + i);
            configs.add(StationConfig.builder(id, version).connectors(1).behaviour(behaviour).build());
        }
        try (Simulator simulator = Simulator.create(options.build())) {
            simulator.addAll(configs);
            LoadDriver driver = new LoadDriver(simulator);
            emit(out, "ready", Map.of("stations", stations, "pid", ProcessHandle.current().pid()));
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split(" +");
                try {
                    switch (words[0]) {
                        case "connect" -> connect(simulator, out, Double.parseDouble(words[1]),
                                Duration.ofSeconds(Long.parseLong(words[2])));
                        case "restart" -> restart(simulator, out, Duration.ofSeconds(Long.parseLong(words[1])));
                        case "off" -> emit(out, "off", powerOff(simulator,
                                Duration.ofSeconds(Long.parseLong(words[1]))));
                        case "on" -> powerOn(simulator, out, Duration.ofSeconds(Long.parseLong(words[1])));
                        case "traffic" -> traffic(driver, out, words[1], Double.parseDouble(words[2]),
                                Duration.ofSeconds(Long.parseLong(words[3])));
                        case "stats" -> emit(out, "stats", stats(simulator.stats().snapshot()));
                        case "quit" -> {
                            emit(out, "bye", Map.of());
                            return 0;
                        }
                        case "" -> {
                        }
                        default -> emit(out, "error", Map.of("reason", "unknown-command:" + words[0]));
                    }
                } catch (RuntimeException e) {
                    emit(out, "error", Map.of("reason", (e.getClass().getSimpleName() + ":" + e.getMessage())
                            .replaceAll("\\s+", "_")));
                }
            }
            return 0;
        }
    }

    /** Starts every station at {@code perSecond} and reports once all are accepted (or at the deadline). */
    private void connect(Simulator simulator, PrintWriter out, double perSecond, Duration timeout)
            throws InterruptedException {
        StatsSnapshot before = simulator.stats().snapshot();
        long start = System.nanoTime();
        simulator.startAll(perSecond);
        awaitBooted(simulator, out, start, timeout, before);
    }

    /**
     * A reconnect storm: every station is powered off, and once all are disconnected and their connections closed,
     * every one is started at the same moment; reports how long until all are accepted again. (Several generators
     * use {@code off} on all of them, then {@code on}, so that all their stations start at one moment.)
     */
    private void restart(Simulator simulator, PrintWriter out, Duration timeout) throws InterruptedException {
        powerOff(simulator, timeout);
        powerOn(simulator, out, timeout);
    }

    /**
     * Powers every station off and waits until all are disconnected and every connection is closed at the TCP level
     * (the close handshake done; or the deadline); the {@code off} fields.
     */
    private Map<String, Object> powerOff(Simulator simulator, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        simulator.stopAll().join();
        waitFor(() -> allOff(simulator), start + timeout.toNanos());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stations", simulator.stations().size());
        fields.put("off", offCount(simulator));
        fields.put("closing", simulator.stats().closingNow());
        fields.put("elapsedMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        fields.put("complete", allOff(simulator));
        return fields;
    }

    private static long offCount(Simulator simulator) {
        return simulator.stations().stream().filter(s -> s.connectionState() == ConnectionState.OFF).count();
    }

    private static boolean allOff(Simulator simulator) {
        return offCount(simulator) == simulator.stations().size() && simulator.stats().connectedNow() == 0
                && simulator.stats().closingNow() == 0;
    }

    /** Starts every station that is off at the same moment and reports once all are accepted (or the deadline). */
    private void powerOn(Simulator simulator, PrintWriter out, Duration timeout) throws InterruptedException {
        StatsSnapshot before = simulator.stats().snapshot();
        long start = System.nanoTime();
        simulator.startAll(0);
        awaitBooted(simulator, out, start, timeout, before);
    }

    /**
     * Waits until every station is accepted (or the deadline) and reports, besides the time, what went wrong on
     * the way by class (deltas since {@code before}): {@code deferred} are upgrades the gateway refused with HTTP 503
     * at its handshake cap (its designed backpressure: the station retries after its back-off), {@code errors}
     * everything else (CALLERRORs either way, timeouts, schema violations, unreadable frames, other failed
     * connection attempts), split into {@code callErrors}, {@code timeouts}, {@code violations},
     * {@code frameErrors} (frames from the CSMS that were not OCPP-J) and {@code connectFailures}.
     */
    private void awaitBooted(Simulator simulator, PrintWriter out, long start, Duration timeout,
            StatsSnapshot before) throws InterruptedException {
        long deadline = start + timeout.toNanos();
        long nextProgress = System.nanoTime() + progressInterval.toNanos();
        int total = simulator.stations().size();
        while (simulator.stats().acceptedNow() < total && System.nanoTime() < deadline) {
            if (System.nanoTime() >= nextProgress) {
                emit(out, "progress", Map.of("elapsedMs", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                        "connected", simulator.stats().connectedNow(), "accepted", simulator.stats().acceptedNow()));
                nextProgress += progressInterval.toNanos();
            }
            // polling the gauges: the simulator has no "all booted" notification, and this thread only reports
            TimeUnit.MILLISECONDS.sleep(5);
        }
        long elapsed = System.nanoTime() - start;
        StatsSnapshot stats = simulator.stats().snapshot();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("stations", total);
        fields.put("accepted", stats.acceptedNow());
        fields.put("elapsedMs", TimeUnit.NANOSECONDS.toMillis(elapsed));
        long deferred = deferred(stats) - deferred(before);
        fields.put("errors", stats.errorCount() - before.errorCount() - deferred);
        fields.put("deferred", deferred);
        fields.put("callErrors", stats.callErrorsReceived() + stats.callErrorsSent() - before.callErrorsReceived()
                - before.callErrorsSent());
        fields.put("timeouts", stats.timeouts() - before.timeouts());
        fields.put("violations", stats.schemaViolations() - before.schemaViolations());
        fields.put("frameErrors", stats.frameErrorsReceived() - before.frameErrorsReceived());
        fields.put("connectFailures", stats.connectFailureCount() - before.connectFailureCount() - deferred);
        fields.put("complete", stats.acceptedNow() >= total);
        emit(out, "booted", fields);
    }

    /** Upgrades refused with HTTP 503 (the gateway's handshake cap, answered with Retry-After). */
    private static long deferred(StatsSnapshot stats) {
        return stats.connectFailures().getOrDefault(HANDSHAKE_CAP_REASON, 0L);
    }

    private void traffic(LoadDriver driver, PrintWriter out, String action, double rate, Duration duration) {
        LoadResult result = driver.run(action, rate, duration).join();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", action);
        fields.put("sent", result.sent());
        fields.put("answered", result.answered());
        fields.put("errors", result.errors());
        fields.put("skipped", result.skipped());
        fields.put("elapsedMs", TimeUnit.NANOSECONDS.toMillis(result.elapsedNanos()));
        fields.put("histogram", LoadProtocol.encode(result.latencies()));
        emit(out, "traffic", fields);
    }

    private static Map<String, Object> stats(StatsSnapshot stats) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("connected", stats.connectedNow());
        fields.put("accepted", stats.acceptedNow());
        fields.put("errors", stats.errorCount());
        fields.put("callErrorsReceived", stats.callErrorsReceived());
        fields.put("timeouts", stats.timeouts());
        fields.put("connectFailures", stats.connectFailureCount());
        fields.put("violations", stats.schemaViolations());
        fields.put("messagesSent", stats.messagesSent());
        fields.put("messagesReceived", stats.messagesReceived());
        return fields;
    }

    private static void waitFor(BooleanSupplier condition, long deadline) throws InterruptedException {
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    private static void emit(PrintWriter out, String event, Map<String, ?> fields) {
        out.println(LoadProtocol.line(event, fields));
        out.flush();
    }
}
