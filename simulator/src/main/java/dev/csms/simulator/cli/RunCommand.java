package dev.csms.simulator.cli;

import dev.csms.simulator.Simulator;
import dev.csms.simulator.SimulatorOptions;
import dev.csms.simulator.StationConfig;
import dev.csms.simulator.scenario.Scenario;
import dev.csms.simulator.scenario.ScenarioException;
import dev.csms.simulator.scenario.ScenarioLoader;
import dev.csms.simulator.stats.StatsSnapshot;
import dev.csms.simulator.stats.SummaryReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run}: starts a fleet from a scenario file or from flags, prints a progress line every few seconds,
 * stops after the duration (or once every station is booted, or on Ctrl-C), waits for what is in flight, prints
 * the summary and exits 0, or 1 when {@code --fail-on-errors} is set and anything went wrong.
 */
@Command(name = "run", sortOptions = false,
        description = "Runs simulated stations against a CSMS and prints a summary.",
        footer = {"", "Examples:",
                "  run --url ws://127.0.0.1:8080/ocpp --scenario simulator/scenarios/mixed-fleet.yaml",
                "  run --url ws://127.0.0.1:8080/ocpp --stations 100 --version 2.0.1 --ramp-up 50 --duration 2m",
                "", "Exit codes: 0 done, 1 errors (with --fail-on-errors), 2 bad arguments or scenario."})
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit")
    private boolean help;

    @Option(names = "--url", description = "CSMS base URL; stations connect to <url>/<stationId> "
            + "(overrides the scenario's)")
    private String url;

    @Option(names = "--scenario", paramLabel = "FILE", description = "YAML fleet scenario")
    private Path scenarioFile;

    @Option(names = "--stations", description = "Quick fleet: number of stations (default: ${DEFAULT-VALUE})",
            defaultValue = "1")
    private int stations;

    @Option(names = "--version", paramLabel = "VERSION", description = "Quick fleet: OCPP version 1.6, 2.0.1 or 2.1 "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "2.0.1")
    private String ocppVersion;

    @Option(names = "--id-pattern", description = "Quick fleet: station ids, {n} is the number "
            + "(default: ${DEFAULT-VALUE})", defaultValue = "SIM-{n:05}")
    private String idPattern;

    @Option(names = "--connectors", description = "Quick fleet: connectors per station (default: ${DEFAULT-VALUE})",
            defaultValue = "1")
    private int connectors;

    @Option(names = "--password", description = "Quick fleet: HTTP Basic password ({n}, {id} allowed)")
    private String password;

    @Option(names = "--session-rate", paramLabel = "PER_HOUR", description = "Quick fleet: sessions per station "
            + "and hour (default: ${DEFAULT-VALUE})", defaultValue = "0")
    private double sessionRate;

    @Option(names = "--session-duration", description = "Quick fleet: mean session length (default: "
            + "${DEFAULT-VALUE})", defaultValue = "30m")
    private Duration sessionDuration;

    @Option(names = "--meter-interval", description = "Quick fleet: meter value interval (default: "
            + "${DEFAULT-VALUE})", defaultValue = "60s")
    private Duration meterInterval;

    @Option(names = "--heartbeat", description = "Quick fleet: heartbeat interval instead of the CSMS's")
    private Duration heartbeat;

    @Option(names = "--power-kw", description = "Quick fleet: charging power in kW (default: ${DEFAULT-VALUE})",
            defaultValue = "11")
    private double powerKw;

    @Option(names = "--ramp-up", paramLabel = "PER_SECOND", description = "Stations started per second "
            + "(0: all at once; overrides the scenario's)")
    private Double rampUp;

    @Option(names = "--duration", description = "How long to run (e.g. 90s, 10m; overrides the scenario's; "
            + "default: until Ctrl-C)")
    private Duration duration;

    @Option(names = "--exit-when-booted", description = "Stop as soon as every station is booted "
            + "(and print how long that took)")
    private boolean exitWhenBooted;

    @Option(names = "--progress-interval", description = "Progress line interval (default: ${DEFAULT-VALUE})",
            defaultValue = "5s")
    private Duration progressInterval;

    @Option(names = "--local-address", paramLabel = "IP", description = "Local source address(es) to spread "
            + "connections over, repeatable (e.g. 127.0.0.2)")
    private List<String> localAddresses;

    @Option(names = "--trust-all", description = "Trust any server certificate (test benches only)")
    private boolean trustAll;

    @Option(names = "--seed", description = "Seed of all random choices")
    private Long seed;

    @Option(names = "--event-loops", description = "Vert.x event-loop threads (default: one per core)")
    private Integer eventLoops;

    @Option(names = "--no-validate-outgoing", description = "Do not validate what stations send (saves CPU)")
    private boolean noValidateOutgoing;

    @Option(names = "--fail-on-errors", description = "Exit 1 if there was any error (CALLERROR either way, "
            + "timeout, schema violation, failed connection)")
    private boolean failOnErrors;

    @Option(names = "--memory-report", description = "Measure heap and RSS per station once all are booted")
    private boolean memoryReport;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Scenario scenario;
        List<StationConfig> configs;
        SimulatorOptions.Builder options;
        Path baseDir = scenarioFile == null ? Path.of(".") : scenarioFile.toAbsolutePath().getParent();
        try {
            scenario = scenarioFile != null ? ScenarioLoader.load(scenarioFile) : quickScenario();
            if (url != null) {
                scenario = scenario.withUrl(url);
            }
            if (duration != null) {
                scenario = scenario.withDuration(duration);
            }
            if (rampUp != null) {
                scenario = scenario.withRampUp(rampUp);
            }
            configs = scenario.stations(baseDir);
            options = scenario.options(baseDir);
        } catch (ScenarioException | IllegalArgumentException e) {
            err.println("simulator: " + e.getMessage());
            err.flush();
            return 2;
        }
        if (localAddresses != null) {
            options.localAddresses(localAddresses);
        }
        if (trustAll) {
            options.trustAll(true);
        }
        if (seed != null) {
            options.seed(seed);
        }
        if (eventLoops != null) {
            options.eventLoops(eventLoops);
        }
        if (noValidateOutgoing) {
            options.validateOutgoing(false);
        }
        out.printf(Locale.ROOT, "simulator: %d station(s) -> %s%n", configs.size(), scenario.url());
        out.flush();
        return run(scenario, configs, options.build(), out);
    }

    private Scenario quickScenario() {
        Scenario.Behaviour behaviour = new Scenario.Behaviour(sessionRate, sessionDuration, powerKw, meterInterval,
                heartbeat, null, null, null, null, null, null, null, null, null, null, null);
        Scenario.StationGroup group = new Scenario.StationGroup("quick", stations, ocppVersion, idPattern, 1,
                connectors, null, null, null, null, password, null, null, behaviour);
        return new Scenario(url, duration, rampUp, seed, eventLoops, List.of(), trustAll, null, null, null,
                List.of(group));
    }

    private int run(Scenario scenario, List<StationConfig> configs, SimulatorOptions options, PrintWriter out)
            throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            interrupted.countDown();
            try {
                // let the run print its summary before the JVM exits
                finished.await(15, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Simulator simulator = Simulator.create(options)) {
            long baselineHeap = memoryReport ? MemoryProbe.heapAfterGc() : 0;
            OptionalLong baselineRss = memoryReport ? MemoryProbe.residentSetSize() : OptionalLong.empty();
            simulator.addAll(configs);
            long start = System.nanoTime();
            simulator.startAll(scenario.rampUp() == null ? 0 : scenario.rampUp());
            long deadline = scenario.runFor().map(d -> start + d.toNanos()).orElse(Long.MAX_VALUE);
            StatsSnapshot previous = simulator.stats().snapshot();
            long nextProgress = System.nanoTime() + progressInterval.toNanos();
            Long bootedAfter = null;
            while (true) {
                long now = System.nanoTime();
                if (bootedAfter == null && simulator.stats().acceptedNow() >= configs.size()) {
                    bootedAfter = now - start;
                    out.printf(Locale.ROOT, "all %d station(s) booted after %.2f s%n", configs.size(),
                            bootedAfter / 1e9);
                    out.flush();
                    if (exitWhenBooted) {
                        break;
                    }
                }
                if (now >= deadline) {
                    break;
                }
                if (now >= nextProgress) {
                    StatsSnapshot current = simulator.stats().snapshot();
                    out.println(SummaryReport.progressLine(current, previous, configs.size()));
                    out.flush();
                    previous = current;
                    nextProgress = now + progressInterval.toNanos();
                }
                long wait = Math.min(Math.min(deadline, nextProgress) - now, TimeUnit.MILLISECONDS.toNanos(50));
                if (interrupted.await(Math.max(1, wait), TimeUnit.NANOSECONDS)) {
                    out.println("interrupted: stopping");
                    break;
                }
            }
            // what is in flight gets its answer before the statistics are read
            simulator.awaitQuiet(Duration.ofSeconds(10));
            if (memoryReport) {
                report(out, configs.size(), baselineHeap, baselineRss);
            }
            StatsSnapshot summary = simulator.stats().snapshot();
            out.print(SummaryReport.render(summary, configs.size()));
            out.flush();
            boolean failed = failOnErrors && summary.errorCount() > 0;
            return failed ? 1 : 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down (Ctrl-C): the hook is running and waits for us
            }
        }
    }

    private static void report(PrintWriter out, int stations, long baselineHeap, OptionalLong baselineRss) {
        long heap = MemoryProbe.heapAfterGc();
        out.printf(Locale.ROOT, "memory: heap after GC %.1f MB (%.1f MB before the stations): %d bytes per station%n",
                heap / 1e6, baselineHeap / 1e6, (heap - baselineHeap) / Math.max(1, stations));
        OptionalLong rss = MemoryProbe.residentSetSize();
        if (rss.isPresent() && baselineRss.isPresent()) {
            out.printf(Locale.ROOT, "memory: RSS %.1f MB (%.1f MB before the stations): %d bytes per station%n",
                    rss.getAsLong() / 1e6, baselineRss.getAsLong() / 1e6,
                    (rss.getAsLong() - baselineRss.getAsLong()) / Math.max(1, stations));
        }
        out.flush();
    }
}
