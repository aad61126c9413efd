package dev.csms.benchmarks;

import dev.csms.simulator.load.LoadProtocol;
import dev.csms.simulator.load.LoadProtocol.Message;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One simulator load generator as a child process ({@code java -jar simulator/target/simulator.jar load ...}),
 * driven through its standard input with the {@link LoadProtocol} commands; its protocol lines are queued for
 * {@link #await}, everything it prints goes to its log file too.
 */
public final class LoadGenerator implements AutoCloseable {

    private final String name;
    private final Process process;
    private final PrintWriter commands;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final Path logFile;

    private LoadGenerator(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.commands = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
        Thread reader = new Thread(this::readOutput, name + "-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts a generator of {@code stations} stations numbered from {@code startIndex}, connecting from
     * {@code localAddress} (null: the OS chooses), and waits for its {@code ready}.
     */
    public static LoadGenerator start(String name, Path simulatorJar, List<String> javaOptions, String url,
            int stations, int startIndex, String idPrefix, String localAddress, int eventLoops, Path logDirectory) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions);
        command.addAll(List.of("-jar", simulatorJar.toString(), "load", "--url", url, "--stations",
                String.valueOf(stations), "--start-index", String.valueOf(startIndex), "--id-prefix", idPrefix,
                "--event-loops", String.valueOf(eventLoops)));
        if (localAddress != null) {
            command.addAll(List.of("--local-address", localAddress));
        }
        try {
            Files.createDirectories(logDirectory);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            LoadGenerator generator = new LoadGenerator(name, process, logDirectory.resolve(name + ".log"));
            generator.await("ready", Duration.ofSeconds(120));
            return generator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start load generator " + String.join(" ", command), e);
        }
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** Sends one command line. */
    public void send(String command) {
        commands.println(command);
    }

    /** Waits for the next protocol message of {@code event} (earlier other ones are dropped, progress kept out). */
    public Message await(String event, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                Message message = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
                if (message == null) {
                    throw new IllegalStateException(name + ": no '" + event + "' within " + timeout
                            + (process.isAlive() ? "" : " (exited with " + process.exitValue() + ")")
                            + "; see " + logFile);
                }
                if (message.event().equals(event)) {
                    return message;
                }
                if (message.event().equals("error")) {
                    throw new IllegalStateException(name + ": " + message.text("reason") + "; see " + logFile);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); Writer log = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                // histograms are long and meaningless in a log
                log.write(line.replaceAll("histogram=\\S+", "histogram=..."));
                log.write('\n');
                log.flush();
                LoadProtocol.parse(line).filter(m -> !m.event().equals("progress")).ifPresent(messages::add);
            }
        } catch (IOException e) {
            // the process ended or the log is gone: nothing more to read
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            send("quit");
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
