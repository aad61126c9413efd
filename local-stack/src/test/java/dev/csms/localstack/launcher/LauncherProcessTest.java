package dev.csms.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.csms.localstack.support.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher for real, as a subprocess with its runtime classpath, against stand-in services (see
 * {@link StandInService}): real Kafka, real PostgreSQL, real child processes and signals.
 */
class LauncherProcessTest {

    private static final Duration LAUNCH_DEADLINE = Duration.ofMinutes(3);

    @TempDir
    static Path work;
    private static Path standInJar;
    private static Path failingJar;

    private final List<Process> launched = new ArrayList<>();

    @BeforeAll
    static void buildStandInJars() throws IOException {
        standInJar = jarOf(StandInService.class, work.resolve("stand-in.jar"));
        failingJar = jarOf(FailingStandInService.class, work.resolve("failing-stand-in.jar"));
    }

    @AfterEach
    void killLeftovers() {
        // only if an assertion failed half-way: never leave a launcher or its children behind
        for (Process process : launched) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    @Test
    void startsEverythingPassesTheSettingsAndLeavesNothingBehindOnSigterm() throws Exception {
        List<Integer> ports = freePorts(5);
        int kafkaPort = ports.get(0);
        int postgresPort = ports.get(2);
        int alphaPort = ports.get(3);
        int betaPort = ports.get(4);
        Path state = work.resolve("state-sigterm");
        Launch launch = launch("--state-dir", state.toString(), "--kafka-port", String.valueOf(kafkaPort),
                "--kafka-controller-port", String.valueOf(ports.get(1)), "--postgres-port", String.valueOf(postgresPort),
                "--ready-timeout", "90",
                "--service", "stand-in-alpha," + alphaPort + "," + standInJar + ",alpha",
                "--service", "stand-in-beta," + betaPort + "," + standInJar);

        launch.awaitOutput("Ctrl-C stops everything.");

        assertThat(launch.output()).contains("all services ready", "http://127.0.0.1:" + alphaPort,
                "http://127.0.0.1:" + betaPort, "127.0.0.1:" + kafkaPort, "127.0.0.1:" + postgresPort);
        String alpha = get(alphaPort, "/system-properties");
        assertThat(alpha.lines()).contains(
                "quarkus.http.port=" + alphaPort,
                "kafka.bootstrap.servers=127.0.0.1:" + kafkaPort,
                "quarkus.datasource.db-kind=postgresql",
                "quarkus.datasource.reactive.url=postgresql://127.0.0.1:" + postgresPort + "/alpha",
                "quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:" + postgresPort + "/alpha",
                "quarkus.datasource.username=postgres",
                "mp.jwt.verify.publickey.location=" + state.resolve("jwt/public-key.pem"),
                "mp.jwt.verify.issuer=csms-local");
        assertThat(state.resolve("jwt/public-key.pem")).exists();
        String beta = get(betaPort, "/system-properties");
        assertThat(beta.lines()).contains("kafka.bootstrap.servers=127.0.0.1:" + kafkaPort)
                .noneMatch(line -> line.startsWith("quarkus.datasource."));
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + postgresPort + "/alpha", "postgres", "postgres");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("alpha");
        }
        assertThat(state.resolve("logs/stand-in-alpha.log")).content().contains("stand-in listening");

        List<ProcessHandle> descendants = launch.process().descendants().toList();
        assertThat(descendants).as("two stand-ins and their sleep children").hasSizeGreaterThanOrEqualTo(4);
        assertThat(descendants).anyMatch(handle -> handle.info().command().orElse("").endsWith("sleep"));

        // SIGTERM through the handle: Process.destroy() would also close our end of the launcher's output pipe
        launch.process().toHandle().destroy();

        assertThat(launch.awaitExit()).isNotZero(); // killed by SIGTERM: 143
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(descendants).noneMatch(ProcessHandle::isAlive));
        assertThat(launch.output()).contains("[local-stack] stopped");
        assertThat(state.resolve("postgres/postmaster.pid")).as("PostgreSQL shut down cleanly").doesNotExist();
        assertThat(ports).allMatch(Ports::isFree);
    }

    @Test
    void aMissingServiceJarIsAClearErrorBeforeAnythingStarts() throws Exception {
        Path state = work.resolve("state-missing-jar");
        Path missing = work.resolve("ghost-service/target/quarkus-app/quarkus-run.jar");

        Launch launch = launch("--state-dir", state.toString(), "--service", "ghost-service,18089," + missing);

        assertThat(launch.awaitExit()).isEqualTo(1);
        assertThat(launch.output()).contains("run ./mvnw -DskipTests package first", "ghost-service: " + missing);
        assertThat(state).as("nothing was started").doesNotExist();
    }

    @Test
    void aTakenPortIsAClearErrorNamingTheSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Launch launch = launch("--state-dir", work.resolve("state-port").toString(),
                    "--kafka-port", String.valueOf(taken.getLocalPort()),
                    "--service", "stand-in," + freePorts(1).get(0) + "," + standInJar);

            assertThat(launch.awaitExit()).isEqualTo(1);
            assertThat(launch.output()).contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use",
                    "--kafka-port");
        }
    }

    @Test
    void aBadFlagIsAUsageError() throws Exception {
        Launch launch = launch("--postgres-port", "five");

        assertThat(launch.awaitExit()).isEqualTo(2);
        assertThat(launch.output()).contains("--postgres-port must be a number, got 'five'");
    }

    @Test
    void aServiceThatFailsStopsEverythingWithItsLogTail() throws Exception {
        List<Integer> ports = freePorts(5);
        Path state = work.resolve("state-failing");

        Launch launch = launch("--state-dir", state.toString(), "--kafka-port", String.valueOf(ports.get(0)),
                "--kafka-controller-port", String.valueOf(ports.get(1)), "--postgres-port", String.valueOf(ports.get(2)),
                "--service", "stand-in," + ports.get(3) + "," + standInJar,
                "--service", "broken-service," + ports.get(4) + "," + failingJar + ",broken");

        assertThat(launch.awaitExit()).isEqualTo(1);
        assertThat(launch.output()).contains("broken-service exited with code 3 before it was ready",
                "| stand-in failing on purpose: datasource unreachable", "[local-stack] stopped");
        assertThat(state.resolve("postgres/postmaster.pid")).doesNotExist();
        assertThat(ports).allMatch(Ports::isFree);
    }

    private Launch launch(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("local-stack.launcher.classpath"), "dev.csms.localstack.Launcher"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        launched.add(process);
        return new Launch(process);
    }

    /** A running launcher and everything it printed so far. */
    private static final class Launch {

        private final Process process;
        private final StringBuffer buffer = new StringBuffer();
        private final Thread reader;

        Launch(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        buffer.append(line).append('\n');
                        System.out.println("launcher> " + line);
                    }
                } catch (IOException e) {
                    buffer.append("(output closed: ").append(e).append(")\n");
                }
            }, "launcher-output");
            reader.setDaemon(true);
            reader.start();
        }

        Process process() {
            return process;
        }

        String output() {
            return buffer.toString();
        }

        void awaitOutput(String expected) {
            await().atMost(LAUNCH_DEADLINE).untilAsserted(() -> {
                assertThat(process.isAlive()).as("launcher exited early:%n%s", output()).isTrue();
                assertThat(output()).contains(expected);
            });
        }

        int awaitExit() throws InterruptedException {
            assertThat(process.waitFor(LAUNCH_DEADLINE.toSeconds(), TimeUnit.SECONDS)).as(output()).isTrue();
            reader.join(Duration.ofSeconds(10).toMillis()); // the pipe ends with the process; read it to the end
            return process.exitValue();
        }
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static List<Integer> freePorts(int count) {
        Set<Integer> ports = new HashSet<>();
        while (ports.size() < count) {
            ports.add(Ports.freePort());
        }
        return List.copyOf(ports);
    }

    /** A runnable jar holding {@code main}'s class files only: what the launcher runs with {@code java -jar}. */
    private static Path jarOf(Class<?> main, Path jar) throws IOException {
        Path classes = Path.of(main.getProtectionDomain().getCodeSource().getLocation().getPath());
        String packagePath = main.getPackageName().replace('.', '/');
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> classFiles = Files.list(classes.resolve(packagePath))) {
            for (Path classFile : classFiles.filter(p -> p.getFileName().toString().startsWith(main.getSimpleName()))
                    .toList()) {
                out.putNextEntry(new JarEntry(packagePath + "/" + classFile.getFileName()));
                out.write(Files.readAllBytes(classFile));
                out.closeEntry();
            }
        }
        return jar;
    }
}
