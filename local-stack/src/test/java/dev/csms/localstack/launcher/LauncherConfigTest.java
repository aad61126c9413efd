package dev.csms.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LauncherConfigTest {

    private static final Path ROOT = Path.of("/repo");

    private static LauncherConfig parse(Map<String, String> env, String... args) throws Exception {
        return LauncherConfig.parse(List.of(args), env, ROOT);
    }

    @Test
    void defaultsRunThePlatformFromTheRepositoryRoot() throws Exception {
        LauncherConfig config = parse(Map.of());

        assertThat(config.stateDirectory()).isEqualTo(Path.of("/repo/.local-stack"));
        assertThat(config.kafkaPort()).isEqualTo(29092);
        assertThat(config.kafkaControllerPort()).isEqualTo(29093);
        assertThat(config.postgresPort()).isEqualTo(25432);
        assertThat(config.readyTimeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(config.serviceJavaOptions()).isEmpty();
        assertThat(config.services()).containsExactly(
                new ServiceSpec("gateway-service", 8080,
                        Path.of("/repo/gateway-service/target/quarkus-app/quarkus-run.jar"), Optional.empty()),
                new ServiceSpec("session-service", 8081,
                        Path.of("/repo/session-service/target/quarkus-app/quarkus-run.jar"), Optional.of("session")),
                new ServiceSpec("device-service", 8082,
                        Path.of("/repo/device-service/target/quarkus-app/quarkus-run.jar"), Optional.of("device")),
                new ServiceSpec("billing-service", 8083,
                        Path.of("/repo/billing-service/target/quarkus-app/quarkus-run.jar"), Optional.of("billing")),
                new ServiceSpec("smartcharging-service", 8084,
                        Path.of("/repo/smartcharging-service/target/quarkus-app/quarkus-run.jar"),
                        Optional.of("smartcharging")));
    }

    @Test
    void environmentOverridesDefaultsAndFlagsOverrideEnvironment() throws Exception {
        Map<String, String> env = Map.of("CSMS_KAFKA_PORT", "39092", "CSMS_POSTGRES_PORT", "35432",
                "CSMS_READY_TIMEOUT", "30", "CSMS_SERVICE_JAVA_OPTS", " -Xmx256m  -XX:+UseSerialGC ");

        LauncherConfig config = parse(env, "--kafka-port", "49092", "--state-dir=/tmp/csms-state");

        assertThat(config.kafkaPort()).isEqualTo(49092);
        assertThat(config.postgresPort()).isEqualTo(35432);
        assertThat(config.readyTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.stateDirectory()).isEqualTo(Path.of("/tmp/csms-state"));
        assertThat(config.serviceJavaOptions()).containsExactly("-Xmx256m", "-XX:+UseSerialGC");
    }

    @Test
    void portFlagMovesOneService() throws Exception {
        LauncherConfig config = parse(Map.of(), "--port", "session-service=9081");

        assertThat(config.services()).filteredOn(s -> s.name().equals("session-service"))
                .extracting(ServiceSpec::port).containsExactly(9081);
        assertThat(config.services()).filteredOn(s -> s.name().equals("device-service"))
                .extracting(ServiceSpec::port).containsExactly(8082);
    }

    @Test
    void serviceFlagsReplaceThePlatformSet() throws Exception {
        LauncherConfig config = parse(Map.of(), "--service", "fake,18080,build/fake.jar,fakedb",
                "--service", "other,18081,/abs/other.jar");

        assertThat(config.services()).containsExactly(
                new ServiceSpec("fake", 18080, Path.of("/repo/build/fake.jar"), Optional.of("fakedb")),
                new ServiceSpec("other", 18081, Path.of("/abs/other.jar"), Optional.empty()));
    }

    @Test
    void badValuesNameTheSetting() {
        assertThatThrownBy(() -> parse(Map.of(), "--kafka-port", "70000"))
                .hasMessage("--kafka-port must be a port number from 1 to 65535, got '70000'");
        assertThatThrownBy(() -> parse(Map.of("CSMS_POSTGRES_PORT", "pg")))
                .hasMessage("--postgres-port must be a number, got 'pg'");
        assertThatThrownBy(() -> parse(Map.of(), "--ready-timeout", "0"))
                .hasMessage("--ready-timeout must be a positive number, got '0'");
        assertThatThrownBy(() -> parse(Map.of(), "--port", "nobody=9000"))
                .hasMessageStartingWith("--port names unknown service 'nobody'");
        assertThatThrownBy(() -> parse(Map.of(), "--service", "only-a-name"))
                .hasMessage("--service takes NAME,PORT,JAR[,DATABASE], got 'only-a-name'");
        assertThatThrownBy(() -> parse(Map.of(), "--verbose")).hasMessage("unknown option '--verbose'");
        assertThatThrownBy(() -> parse(Map.of(), "--kafka-port")).hasMessage("--kafka-port needs a value");
    }

    @Test
    void aPortUsedTwiceIsRejectedWithBothOwners() throws Exception {
        LauncherConfig config = parse(Map.of(), "--postgres-port", "8081");

        assertThatThrownBy(config::portsBySetting)
                .hasMessage("port 8081 is configured twice: for PostgreSQL (--postgres-port or CSMS_POSTGRES_PORT) "
                        + "and for session-service (--port session-service=<port>)");
    }

    @Test
    void everyPortIsNamedByItsSetting() throws Exception {
        assertThat(parse(Map.of()).portsBySetting())
                .containsEntry(29092, "Kafka (--kafka-port or CSMS_KAFKA_PORT)")
                .containsEntry(8080, "gateway-service (--port gateway-service=<port>)")
                .hasSize(8);
    }
}
