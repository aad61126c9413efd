package dev.csms.localstack;

import dev.csms.events.Topics;
import dev.csms.localstack.jwt.LocalJwtIssuer;
import dev.csms.localstack.kafka.EmbeddedKafka;
import dev.csms.localstack.launcher.LauncherConfig;
import dev.csms.localstack.launcher.ServiceProcess;
import dev.csms.localstack.launcher.ServiceSpec;
import dev.csms.localstack.postgres.EmbeddedPostgresServer;
import dev.csms.localstack.support.Ports;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded default: {@code java -jar local-stack/target/local-stack.jar} from the repository root starts
 * Kafka and PostgreSQL on 127.0.0.1, then every service as its own process, waits until all report ready
 * and prints where stations and operators connect. SIGINT/SIGTERM stops the services, then Kafka and
 * PostgreSQL. State (Kafka log dir, PostgreSQL data, JWT keys, logs) lives under {@code .local-stack/}.
 */
public final class Launcher {

    private static final int LOG_TAIL_LINES = 40;
    private static final Duration OPERATOR_TOKEN_LIFETIME = Duration.ofHours(12);

    private final LauncherConfig config;
    private final PrintStream out;
    private final PrintStream err;
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private volatile EmbeddedKafka kafka;
    private volatile EmbeddedPostgresServer postgres;
    private volatile CompletableFuture<EmbeddedPostgresServer> postgresStart;
    private volatile boolean stopping;

    Launcher(LauncherConfig config, PrintStream out, PrintStream err) {
        this.config = config;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(LauncherConfig.usage());
            return;
        }
        LauncherConfig config;
        try {
            config = LauncherConfig.parse(List.of(args), System.getenv(), Path.of("").toAbsolutePath());
        } catch (LauncherConfig.UsageException e) {
            System.err.println("local-stack: " + e.getMessage() + " (see --help)");
            System.exit(2);
            return;
        }
        Launcher launcher = new Launcher(config, System.out, System.err);
        if (!launcher.preflight()) {
            System.exit(1);
        }
        launcher.logInfrastructureTo(config.stateDirectory().resolve("logs").resolve("local-stack.log"));
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stopAll, "local-stack-stop"));
        if (!launcher.start()) {
            System.exit(1); // the shutdown hook stops whatever did start
        }
        // run until SIGINT/SIGTERM; the shutdown hook does the stopping
        new CountDownLatch(1).await();
    }

    /** Everything that can be checked before starting anything: the service jars and the ports. */
    boolean preflight() {
        List<String> missing = config.services().stream()
                .filter(service -> !Files.isRegularFile(service.jar()))
                .map(service -> service.name() + ": " + service.jar())
                .toList();
        if (!missing.isEmpty()) {
            err.println("local-stack: service jar not found; run ./mvnw -DskipTests package first");
            missing.forEach(line -> err.println("  " + line));
            return false;
        }
        Map<Integer, String> ports;
        try {
            ports = config.portsBySetting();
        } catch (LauncherConfig.UsageException e) {
            err.println("local-stack: " + e.getMessage());
            return false;
        }
        boolean free = true;
        for (Map.Entry<Integer, String> port : ports.entrySet()) {
            if (!Ports.isFree(port.getKey())) {
                err.println("local-stack: port " + port.getKey() + " on 127.0.0.1 is already in use; it is the port of "
                        + port.getValue() + ": stop what holds it or choose another port");
                if (port.getKey() == config.postgresPort()) {
                    orphanedPostmaster().ifPresent(pid -> err.println("  PostgreSQL of an earlier run still holds it "
                            + "(pid " + pid + "); stop it with: kill " + pid));
                }
                free = false;
            }
        }
        return free;
    }

    /** Starts everything and waits until every service is ready; false (and a report) if anything fails. */
    boolean start() {
        long launched = System.nanoTime();
        Path state = config.stateDirectory();
        Path logs = state.resolve("logs");
        out.println("[local-stack] state in " + state + ", logs in " + logs);

        postgresStart = CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer.start(
                EmbeddedPostgresServer.Settings.persistent(state.resolve("postgres"), config.postgresPort(),
                        logs.resolve("postgres.log"))));
        CompletableFuture<LocalJwtIssuer> jwtLoad = CompletableFuture.supplyAsync(
                () -> LocalJwtIssuer.loadOrCreate(state.resolve("jwt")));
        LocalJwtIssuer jwt;
        try {
            long kafkaStart = System.nanoTime();
            kafka = EmbeddedKafka.start(EmbeddedKafka.Settings.persistent(state.resolve("kafka"), config.kafkaPort(),
                    config.kafkaControllerPort()));
            kafka.createTopics(Topics.unprefixed(), config.topicPartitions());
            out.println("[local-stack] Kafka ready on " + kafka.bootstrapServers() + " in " + seconds(kafkaStart)
                    + ", " + Topics.ALL.size() + " topics");
            postgres = postgresStart.join();
            for (ServiceSpec service : config.services()) {
                service.database().ifPresent(postgres::createDatabase);
            }
            out.println("[local-stack] PostgreSQL ready on 127.0.0.1:" + postgres.port() + ", databases "
                    + config.services().stream().flatMap(s -> s.database().stream()).toList());
            jwt = jwtLoad.join();
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            err.println("local-stack: the infrastructure did not start: " + cause);
            err.println("  details in " + logs.resolve("local-stack.log") + " and " + logs.resolve("postgres.log"));
            return false;
        }

        long servicesStart = System.nanoTime();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        for (ServiceSpec service : config.services()) {
            Map<String, String> properties = ServiceConfig.forProcess(service, kafka, postgres, jwt);
            // under the lock of stopAll: a Ctrl-C during start-up must not miss a process started meanwhile
            synchronized (this) {
                if (stopping) {
                    return false;
                }
                services.add(ServiceProcess.start(service, java, config.serviceJavaOptions(), properties,
                        logs.resolve(service.name() + ".log")));
            }
        }
        out.println("[local-stack] started " + services.size() + " services, waiting up to "
                + config.readyTimeout().toSeconds() + " s until each is ready");

        if (!awaitReady()) {
            return false;
        }
        out.println("[local-stack] all services ready in " + seconds(servicesStart) + " (" + seconds(launched)
                + " since launch)");
        for (ServiceProcess service : services) {
            service.onExit().thenAccept(code -> {
                if (!stopping) {
                    err.println("local-stack: " + service.spec().name() + " exited with code " + code + "; see "
                            + service.logFile());
                }
            });
        }
        printSummary(jwt);
        return true;
    }

    private boolean awaitReady() {
        long deadline = System.nanoTime() + config.readyTimeout().toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        List<CompletableFuture<Optional<String>>> checks = new ArrayList<>();
        for (ServiceProcess service : services) {
            checks.add(CompletableFuture.supplyAsync(() -> service.awaitReady(http, deadline),
                    runnable -> new Thread(runnable, "ready-" + service.spec().name()).start()));
        }
        boolean allReady = true;
        for (int i = 0; i < services.size(); i++) {
            Optional<String> problem = checks.get(i).join();
            if (problem.isPresent()) {
                allReady = false;
                ServiceProcess service = services.get(i);
                err.println("local-stack: " + problem.get());
                err.println("  last " + LOG_TAIL_LINES + " lines of " + service.logFile() + ":");
                service.logTail(LOG_TAIL_LINES).forEach(line -> err.println("  | " + line));
            }
        }
        return allReady;
    }

    private void printSummary(LocalJwtIssuer jwt) {
        List<String[]> rows = new ArrayList<>();
        config.services().stream().filter(service -> service.name().equals(ServiceSpec.GATEWAY)).findFirst()
                .ifPresent(gateway -> rows.add(new String[] {"stations (OCPP 1.6/2.0.1/2.1)",
                        "ws://127.0.0.1:" + gateway.port() + "/ocpp/{stationId}"}));
        for (ServiceSpec service : config.services()) {
            rows.add(new String[] {service.name(), "http://127.0.0.1:" + service.port() + "   (health /q/health/ready)"});
        }
        rows.add(new String[] {"Kafka", kafka.bootstrapServers()});
        rows.add(new String[] {"PostgreSQL", "127.0.0.1:" + postgres.port() + "   user " + postgres.username()});
        rows.add(new String[] {"JWT public key", jwt.publicKeyFile() + "   (issuer " + LocalJwtIssuer.ISSUER + ")"});
        rows.add(new String[] {"logs", config.stateDirectory().resolve("logs").toString()});

        out.println();
        out.println("CSMS is running. Stations and operators connect here:");
        out.println();
        for (String[] row : rows) {
            out.println(String.format(Locale.ROOT, "  %-30s %s", row[0], row[1]));
        }
        out.println();
        out.println("Operator token (role " + LocalJwtIssuer.OPERATOR + ", valid " + OPERATOR_TOKEN_LIFETIME.toHours()
                + " h), send it as 'Authorization: Bearer <token>':");
        out.println(jwt.token("local-operator", Set.of(LocalJwtIssuer.OPERATOR), OPERATOR_TOKEN_LIFETIME));
        out.println();
        out.println("Ctrl-C stops everything.");
        out.flush();
    }

    /** Services first (they still talk to Kafka and PostgreSQL while stopping), then Kafka, then PostgreSQL. */
    synchronized void stopAll() {
        if (stopping) {
            return;
        }
        stopping = true;
        out.println("[local-stack] stopping");
        CompletableFuture.allOf(services.stream()
                        .map(service -> CompletableFuture.runAsync(() -> service.stop(config.stopTimeout()),
                                runnable -> new Thread(runnable, "stop-" + service.spec().name()).start()))
                        .toArray(CompletableFuture[]::new))
                .join();
        if (kafka != null) {
            try {
                kafka.stop();
            } catch (RuntimeException e) {
                err.println("local-stack: Kafka did not stop cleanly: " + e);
            }
        }
        if (postgresStart != null) {
            // PostgreSQL is a separate process: even one still starting must be waited for and stopped
            try {
                postgresStart.get(2, TimeUnit.MINUTES).stop();
            } catch (ExecutionException e) {
                // it never started; nothing to stop
            } catch (TimeoutException | RuntimeException e) {
                err.println("local-stack: PostgreSQL did not stop cleanly: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        out.println("[local-stack] stopped");
        out.flush();
    }

    /**
     * Kafka and the PostgreSQL wrapper log through slf4j-simple; their output goes to a file so that the
     * console shows only the launcher's own report. Must run before the first logger is created.
     */
    private void logInfrastructureTo(Path logFile) {
        try {
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            err.println("local-stack: cannot create " + logFile.getParent() + ": " + e.getMessage());
        }
        setDefault("org.slf4j.simpleLogger.logFile", logFile.toString());
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", "info");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        // initialise now, on one thread: Kafka and PostgreSQL start in parallel and would race to do it
        org.slf4j.LoggerFactory.getILoggerFactory();
    }

    private Optional<Long> orphanedPostmaster() {
        Path pidFile = config.stateDirectory().resolve("postgres").resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.US_ASCII).get(0).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void setDefault(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    private static String seconds(long sinceNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - sinceNanos) / (double) TimeUnit.SECONDS.toNanos(1));
    }
}
