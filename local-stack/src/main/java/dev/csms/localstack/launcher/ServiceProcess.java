package dev.csms.localstack.launcher;

import dev.csms.localstack.support.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/** A service running as a child process of the launcher, its output in its own log file. */
public final class ServiceProcess {

    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final ServiceSpec spec;
    private final Process process;
    private final Path logFile;

    private ServiceProcess(ServiceSpec spec, Process process, Path logFile) {
        this.spec = spec;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code java [javaOptions] -Dkey=value... -jar <jar>}, output and errors to {@code logFile}
     * (truncated: one run per file).
     */
    public static ServiceProcess start(ServiceSpec spec, Path javaExecutable, List<String> javaOptions,
            Map<String, String> systemProperties, Path logFile) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(javaOptions);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(spec.jar().toString());
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            return new ServiceProcess(spec, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + spec.name() + " (" + String.join(" ", command) + ")", e);
        }
    }

    public ServiceSpec spec() {
        return spec;
    }

    public Path logFile() {
        return logFile;
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Completes with the exit code when the process ends. */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /**
     * Polls {@code GET /q/health/ready} until it answers 200 with status UP.
     *
     * @return empty when ready; otherwise why it is not (exited, or not ready before the deadline)
     */
    public Optional<String> awaitReady(HttpClient http, long deadlineNanos) {
        URI ready = URI.create("http://" + Ports.LOOPBACK + ":" + spec.port() + "/q/health/ready");
        String lastAnswer = "no answer";
        while (System.nanoTime() < deadlineNanos) {
            if (!process.isAlive()) {
                return Optional.of(spec.name() + " exited with code " + process.exitValue()
                        + " before it was ready");
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find()) {
                    return Optional.empty();
                }
                lastAnswer = "HTTP " + response.statusCode() + " " + response.body();
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while waiting for " + spec.name());
            }
            try {
                // poll interval: readiness has no push notification
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.of("interrupted while waiting for " + spec.name());
            }
        }
        return Optional.of(spec.name() + " not ready at " + ready + " within the deadline; last answer: "
                + lastAnswer);
    }

    /**
     * Asks the service to stop (SIGTERM), kills it if it has not stopped within {@code timeout}, then does the
     * same to any process it started that is still alive.
     */
    public void stop(Duration timeout) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        awaitExitOrKill(process.toHandle(), timeout);
        for (ProcessHandle descendant : descendants) {
            if (descendant.isAlive()) {
                descendant.destroy();
                awaitExitOrKill(descendant, Duration.ofSeconds(5));
            }
        }
    }

    /**
     * Kills the service and any process it started (SIGKILL): a crash, with no graceful shutdown. Returns once
     * the process has ended.
     */
    public void kill() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        process.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(error -> process).join();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** The last {@code lines} lines of the log, for an error report. */
    public List<String> logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return all.subList(Math.max(0, all.size() - lines), all.size());
        } catch (IOException e) {
            return List.of("(cannot read " + logFile + ": " + e.getMessage() + ")");
        }
    }

    private static void awaitExitOrKill(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            handle.destroyForcibly();
            handle.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(error -> handle).join();
        } catch (ExecutionException e) {
            // onExit does not fail; nothing to wait for
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        }
    }
}
