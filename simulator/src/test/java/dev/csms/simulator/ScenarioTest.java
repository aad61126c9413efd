package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.scenario.Durations;
import dev.csms.simulator.scenario.Scenario;
import dev.csms.simulator.scenario.ScenarioException;
import dev.csms.simulator.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ScenarioTest {

    @Test
    void everyShippedScenarioLoadsAndExpands() throws Exception {
        List<Path> files;
        try (Stream<Path> list = Files.list(Path.of("scenarios"))) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        for (Path file : files) {
            Scenario scenario = ScenarioLoader.load(file);
            List<StationConfig> stations = scenario.stations(file.getParent());
            assertThat(stations).as(file.toString()).hasSize(scenario.stationCount()).isNotEmpty();
            assertThat(scenario.options(file.getParent()).build().url().toString()).startsWith("ws");
        }
    }

    @Test
    void groupsExpandToStationsWithIdsCredentialsAndBehaviour() {
        Scenario scenario = ScenarioLoader.parse("""
                url: ws://127.0.0.1:9/ocpp
                duration: 90s
                rampUp: 12.5
                groups:
                  - name: ac
                    count: 3
                    version: "2.0.1"
                    idPattern: "AC-{n:03}"
                    startIndex: 8
                    connectors: 2
                    password: "pw-{id}-0123456789"
                    behaviour:
                      sessionsPerHour: 2
                      meterInterval: 15s
                      idTags: ["T{n}"]
                      firmwareFailure: install
                      retryBackOff: {waitMinimum: 2s, repeatTimes: 1}
                  - count: 1
                    version: 1.6
                    idPattern: "LEGACY"
                """, "inline");
        List<StationConfig> stations = scenario.stations(Path.of("."));
        assertThat(stations).extracting(StationConfig::stationId).containsExactly("AC-008", "AC-009", "AC-010",
                "LEGACY");
        StationConfig first = stations.get(0);
        assertThat(first.version()).isEqualTo(OcppVersion.V2_0_1);
        assertThat(first.connectors()).isEqualTo(2);
        assertThat(((Credentials.Basic) first.credentials()).password()).isEqualTo("pw-AC-008-0123456789");
        assertThat(first.behaviour().meterValueInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(first.behaviour().idTags()).containsExactly("T8");
        assertThat(first.behaviour().firmwareFailure()).isEqualTo(FirmwareFailure.INSTALL);
        assertThat(first.behaviour().retryBackOff()).isEqualTo(new RetryBackOff(Duration.ofSeconds(2),
                RetryBackOff.DEFAULT.randomRange(), 1));
        assertThat(stations.get(3).version()).isEqualTo(OcppVersion.V1_6);
        assertThat(stations.get(3).credentials()).isEqualTo(Credentials.none());
        assertThat(scenario.runFor()).contains(Duration.ofSeconds(90));
        assertThat(scenario.rampUp()).isEqualTo(12.5);
    }

    @Test
    void mistakesAreNamedWithTheirPlace() {
        assertThatThrownBy(() -> ScenarioLoader.parse("url: ws://x/ocpp\ngroups:\n  - count: 1\n    sesionsPerHour: 2\n",
                "bad.yaml")).isInstanceOf(ScenarioException.class)
                .hasMessageContaining("bad.yaml: groups[0].sesionsPerHour: unknown field");
        assertThatThrownBy(() -> stations("groups:\n  - count: 2\n    version: \"2.0\"\n"))
                .hasMessageContaining("groups[0]: version: '2.0' is not an OCPP version");
        assertThatThrownBy(() -> stations("groups:\n  - count: 2\n    version: \"1.6\"\n    idPattern: ONE\n"))
                .hasMessageContaining("idPattern: 'ONE' needs {n} for 2 stations");
        assertThatThrownBy(() -> stations("groups:\n  - version: \"1.6\"\n    securityProfile: 2\n"
                + "    password: secret\n")).hasMessageContaining("securityProfile: 2 needs a wss:// url");
        assertThatThrownBy(() -> stations("groups:\n  - version: \"1.6\"\n    behaviour:\n"
                + "      idTags: [\"A-VERY-LONG-ID-TAG-OF-30-CHARS\"]\n"))
                .hasMessageContaining("must have 1 to 20 characters in OCPP 1.6");
        assertThatThrownBy(() -> ScenarioLoader.parse("groups:\n  - behaviour:\n      meterInterval: soon\n", "x"))
                .hasMessageContaining("x: groups[0].behaviour.meterInterval:").hasMessageContaining(
                        "'soon' is not a duration");
        assertThatThrownBy(() -> stations("groups: []\n")).hasMessageContaining("no station group");
    }

    @Test
    void durationsAsPeopleWriteThem() {
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("PT5M")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.format(Duration.ofMinutes(5))).isEqualTo("5m");
        assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<StationConfig> stations(String yaml) {
        return ScenarioLoader.parse("url: ws://127.0.0.1:9/ocpp\n" + yaml, "inline").stations(Path.of("."));
    }
}
