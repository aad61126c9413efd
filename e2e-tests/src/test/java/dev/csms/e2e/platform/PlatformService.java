package dev.csms.e2e.platform;

import dev.csms.localstack.launcher.ServiceProcess;
import dev.csms.localstack.launcher.ServiceSpec;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service of the platform as its own OS process (local-stack's {@link ServiceProcess}): started with the
 * launcher's settings plus this instance's own, and stopped, killed or restarted by a test on the same port.
 * The first run logs to {@code <log dir>/<name>.log}, a restart to {@code <name>-run<n>.log}.
 */
public final class PlatformService {

    private static final int LOG_TAIL_LINES = 60;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    private final ServiceSpec spec;
    private final Map<String, String> systemProperties;
    private final List<String> javaOptions;
    private final Path logDirectory;
    private volatile ServiceProcess process;
    private int runs;

    PlatformService(ServiceSpec spec, Map<String, String> systemProperties, List<String> javaOptions,
            Path logDirectory) {
        this.spec = spec;
        this.systemProperties = Map.copyOf(systemProperties);
        this.javaOptions = List.copyOf(javaOptions);
        this.logDirectory = logDirectory;
    }

    public String name() {
        return spec.name();
    }

    public int port() {
        return spec.port();
    }

    /** {@code http://127.0.0.1:<port>}, for RestAssured. */
    public String baseUrl() {
        return "http://127.0.0.1:" + spec.port();
    }

    /** The log of the current (or last) run. */
    public Path logFile() {
        return process.logFile();
    }

    public boolean isRunning() {
        ServiceProcess current = process;
        return current != null && current.handle().isAlive();
    }

    /** Starts a new process (the previous one must have ended); {@link #awaitReady} waits for it. */
    synchronized void launch() {
        if (isRunning()) {
            throw new IllegalStateException(spec.name() + " is running already");
        }
        runs++;
        Path log = logDirectory.resolve(runs == 1 ? spec.name() + ".log" : spec.name() + "-run" + runs + ".log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        process = ServiceProcess.start(spec, java, javaOptions, systemProperties, log);
    }

    /** Polls {@code /q/health/ready} until UP; fails with the tail of the log when the deadline passes first. */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Optional<String> problem = process.awaitReady(http, System.nanoTime() + timeout.toNanos());
        if (problem.isPresent()) {
            throw new IllegalStateException(problem.get() + "\nlast lines of " + process.logFile() + ":\n  | "
                    + String.join("\n  | ", process.logTail(LOG_TAIL_LINES)));
        }
    }

    /** Graceful stop (SIGTERM, killed after 15 s), as Kubernetes stops a pod. */
    public void stop() {
        ServiceProcess current = process;
        if (current != null) {
            current.stop(STOP_TIMEOUT);
        }
    }

    /** SIGKILL: a crash, no graceful shutdown. */
    public void kill() {
        ServiceProcess current = process;
        if (current != null) {
            current.kill();
        }
    }

    /** Starts the service again on the same port and settings and waits until it is ready. */
    public void restart(Duration readyTimeout) {
        launch();
        awaitReady(readyTimeout);
    }
}
