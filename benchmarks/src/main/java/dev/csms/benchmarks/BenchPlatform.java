package dev.csms.benchmarks;

import dev.csms.localstack.LocalStack;
import dev.csms.localstack.ServiceConfig;
import dev.csms.localstack.jwt.LocalJwtIssuer;
import dev.csms.localstack.launcher.ServiceProcess;
import dev.csms.localstack.launcher.ServiceSpec;
import dev.csms.localstack.support.Ports;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a benchmark runs against: the local stack (real Kafka in this JVM, real PostgreSQL as a child process),
 * then services as their own processes from their packaged {@code quarkus-run.jar} with the launcher's settings
 * ({@link ServiceConfig#forProcess}) plus the benchmark's, all on 127.0.0.1, and every load generator. Closing it
 * stops everything it started (a shutdown hook does the same when the JVM is interrupted).
 */
public final class BenchPlatform implements AutoCloseable {

    /** The gateway replica id in the benchmarks. */
    public static final String GATEWAY_ID = "gw-bench";
    /**
     * Fleets up to this size connect from 127.0.0.1 with ports the kernel picks in {@code connect()}; larger ones
     * from one loopback address per generator. One source address holds 28,232 connections to the gateway here
     * (ports 32768-60999); the margin is for ports still in TIME_WAIT. Binding a source address costs a
     * {@code bind()} port search per connection: about a quarter of the box during a 19,000-station storm
     * (docs/benchmarks.md, "Choices").
     */
    static final int STATIONS_PER_SOURCE_ADDRESS = 25_000;
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final BenchSettings settings;
    private final LocalStack stack;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final List<LoadGenerator> generators = new ArrayList<>();
    private final List<AutoCloseable> others = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "benchmark-stop");

    private BenchPlatform(BenchSettings settings, LocalStack stack) {
        this.settings = settings;
        this.stack = stack;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts the local stack. */
    public static BenchPlatform start(BenchSettings settings) {
        settings.requireBuilt();
        return new BenchPlatform(settings, LocalStack.get());
    }

    public LocalStack stack() {
        return stack;
    }

    /** A service process with the launcher's settings plus {@code extra}; waits until it is ready. */
    public ServiceProcess startService(String module, Map<String, String> extra, String logName) {
        ServiceSpec spec = ServiceSpec.platform(settings.repositoryRoot()).stream()
                .filter(s -> s.name().equals(module)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + module))
                .withPort(Ports.freePort());
        spec = new ServiceSpec(logName, spec.port(), spec.jar(), spec.database());
        spec.database().ifPresent(stack.postgres()::createDatabase);
        Map<String, String> properties = new LinkedHashMap<>(
                ServiceConfig.forProcess(spec, stack.kafka(), stack.postgres(), stack.jwt()));
        properties.putAll(extra);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ServiceProcess process = ServiceProcess.start(spec, java, settings.serviceJavaOptions(), properties,
                settings.logDirectory().resolve(logName + ".log"));
        synchronized (services) {
            services.add(process);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Optional<String> problem = process.awaitReady(http, System.nanoTime() + READY_TIMEOUT.toNanos());
        if (problem.isPresent()) {
            throw new IllegalStateException(problem.get() + "\nlast lines of " + process.logFile() + ":\n  | "
                    + String.join("\n  | ", process.logTail(40)));
        }
        return process;
    }

    /**
     * The gateway: admits stations without credentials ({@code auth.auto-registration}, so no PBKDF2 per
     * connection: see docs/benchmarks.md), one-second drain, plus the benchmark's {@code --gateway-property}s.
     */
    public ServiceProcess startGateway() {
        return startGateway(Map.of());
    }

    /** The gateway with a benchmark's own settings, which {@code --gateway-property} overrides. */
    public ServiceProcess startGateway(Map<String, String> benchmarkSettings) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("csms.gateway.id", GATEWAY_ID);
        extra.put("csms.gateway.auth.auto-registration", "true");
        extra.put("csms.gateway.shutdown.drain-window", "1s");
        extra.putAll(benchmarkSettings);
        extra.putAll(settings.gatewayProperties());
        return startService(ServiceSpec.GATEWAY, extra, ServiceSpec.GATEWAY);
    }

    /** Stations connect to {@code ws://127.0.0.1:<port>/ocpp}. */
    public static String stationUrl(ServiceProcess gateway) {
        return "ws://127.0.0.1:" + gateway.spec().port() + "/ocpp";
    }

    /** The minimal answering consumer (BootNotification and Authorize Accepted). */
    public CallAnswerer startAnswerer() {
        CallAnswerer answerer = new CallAnswerer(stack.kafka().bootstrapServers(), settings.heartbeatSeconds());
        synchronized (others) {
            others.add(answerer);
        }
        return answerer;
    }

    /**
     * {@code count} load generators for {@code stations} stations in all (split evenly, ids {@code prefix}
     * 000001...), started in parallel; above {@link #STATIONS_PER_SOURCE_ADDRESS} stations generator i connects from
     * 127.0.0.{2+i}.
     */
    public List<LoadGenerator> startGenerators(String url, int stations, int count, String prefix) {
        List<LoadGenerator> started = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        int base = stations / count;
        int first = 1;
        for (int i = 0; i < count; i++) {
            int size = base + (i < stations % count ? 1 : 0);
            int startIndex = first;
            first += size;
            String name = "load-generator-" + (i + 1);
            String address = stations > STATIONS_PER_SOURCE_ADDRESS ? "127.0.0." + (2 + i) : null;
            Thread thread = new Thread(() -> {
                LoadGenerator generator = LoadGenerator.start(name, settings.simulatorJar(),
                        settings.generatorJavaOptions(), url, size, startIndex, prefix, address,
                        settings.generatorEventLoops(), settings.logDirectory());
                synchronized (started) {
                    started.add(generator);
                }
            }, name + "-start");
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting load generators", e);
            }
        }
        synchronized (generators) {
            generators.addAll(started);
        }
        if (started.size() != count) {
            throw new IllegalStateException("only " + started.size() + " of " + count
                    + " load generators started; see " + settings.logDirectory());
        }
        return started.stream().sorted(java.util.Comparator.comparing(LoadGenerator::name)).toList();
    }

    /** A fresh operator token for the services' APIs. */
    public String operatorToken() {
        return stack.jwt().token("benchmark", Set.of(LocalJwtIssuer.OPERATOR));
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    private void stopAll() {
        synchronized (generators) {
            generators.forEach(LoadGenerator::close);
            generators.clear();
        }
        synchronized (others) {
            for (AutoCloseable other : others) {
                try {
                    other.close();
                } catch (Exception e) {
                    // stopping: nothing better to do than go on with the rest
                }
            }
            others.clear();
        }
        synchronized (services) {
            List<Thread> stops = new ArrayList<>();
            for (ServiceProcess service : services) {
                Thread stop = new Thread(() -> service.stop(STOP_TIMEOUT));
                stop.start();
                stops.add(stop);
            }
            for (Thread stop : stops) {
                try {
                    stop.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            services.clear();
        }
    }

    /** Whether a file exists (for settings checks). */
    static boolean isFile(Path path) {
        return Files.isRegularFile(path);
    }
}
