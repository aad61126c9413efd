package dev.csms.device.configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csms.device.configuration.ConfigurationRequest.Operation;
import dev.csms.device.configuration.SettingCatalogue.Setting;
import dev.csms.device.configuration.SettingCatalogue.Target;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.StationCommand.RawCommand;
import dev.csms.runtime.command.CommandRecord;
import dev.csms.runtime.command.CommandStatus;
import dev.csms.runtime.problem.ProblemException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The settings catalogue, raw keys, value checks and how answers become per-station results (no Quarkus). */
class SettingCatalogueTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aWellKnownSettingHasItsPlaceInEveryVersion() {
        Setting setting = SettingCatalogue.resolve("connection-timeout");
        assertThat(setting.target(OcppVersion.V1_6)).map(Target::display).contains("ConnectionTimeOut");
        assertThat(setting.target(OcppVersion.V2_0_1)).map(Target::display).contains("TxCtrlr.EVConnectionTimeOut");
        assertThat(setting.target(OcppVersion.V2_1)).map(Target::display).contains("TxCtrlr.EVConnectionTimeOut");
        assertThat(SettingCatalogue.entries()).extracting(SettingCatalogue.Entry::name)
                .contains("heartbeat-interval", "meter-value-sample-interval", "connection-timeout")
                .doesNotHaveDuplicates();
    }

    @Test
    void rawKeysArePassedThroughPerVersion() {
        Setting plain = SettingCatalogue.resolve("MeterValuesAlignedData");
        assertThat(plain.entry()).isNull();
        assertThat(plain.target(OcppVersion.V1_6)).map(Target::v16Key).contains("MeterValuesAlignedData");
        assertThat(plain.target(OcppVersion.V2_0_1)).isEmpty();

        Setting withInstance = SettingCatalogue.resolve("EVSE.Left.Power");
        VariableAddress address = withInstance.target(OcppVersion.V2_0_1).orElseThrow().address();
        assertThat(address.component()).isEqualTo("EVSE");
        assertThat(address.componentInstance()).isEqualTo("Left");
        assertThat(address.variable()).isEqualTo("Power");
        assertThat(SettingCatalogue.resolve("A.B.C.D").target(OcppVersion.V2_0_1)).isEmpty();
        assertThat(SettingCatalogue.resolve("K".repeat(51)).target(OcppVersion.V1_6)).isEmpty();
    }

    @Test
    void unknownNamesMalformedKeysAndBadValuesAre400() {
        assertThatThrownBy(() -> SettingCatalogue.resolve("heartbeat-intervall"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("Unknown setting");
        assertThatThrownBy(() -> SettingCatalogue.resolve("two words")).isInstanceOf(ProblemException.class);
        Setting interval = SettingCatalogue.resolve("heartbeat-interval");
        assertThat(interval.normalize(" 0300 ")).isEqualTo("300");
        for (String bad : new String[] { "-1", "1.5", "soon", "99999999999" }) {
            assertThatThrownBy(() -> interval.normalize(bad)).as(bad).isInstanceOf(ProblemException.class)
                    .extracting(e -> ((ProblemException) e).status()).isEqualTo(400);
        }
        Setting flag = SettingCatalogue.resolve("local-pre-authorize");
        assertThat(flag.normalize("TRUE")).isEqualTo("true");
        assertThatThrownBy(() -> flag.normalize("yes")).isInstanceOf(ProblemException.class);
        assertThat(SettingCatalogue.resolve("meter-values-sampled-data").normalize("Energy.Active.Import.Register , "
                + "Power.Active.Import")).isEqualTo("Energy.Active.Import.Register,Power.Active.Import");
        assertThatThrownBy(() -> SettingCatalogue.resolve("AnyKey").normalize("x".repeat(501)))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void commandsAddressTheKeyOrVariable() {
        Target v16 = SettingCatalogue.resolve("heartbeat-interval").target(OcppVersion.V1_6).orElseThrow();
        RawCommand change = (RawCommand) ConfigurationCommands.of(Operation.Set, v16, "60");
        assertThat(change.action()).isEqualTo("ChangeConfiguration");
        assertThat(change.payload().toString()).isEqualTo("{\"key\":\"HeartbeatInterval\",\"value\":\"60\"}");
        RawCommand report = (RawCommand) ConfigurationCommands.report(OcppVersion.V2_0_1, 7);
        assertThat(report.payload().toString()).isEqualTo("{\"requestId\":7,\"reportBase\":\"FullInventory\"}");
    }

    @Test
    void outcomesOfFailedCommands() throws Exception {
        Target v2 = SettingCatalogue.resolve("heartbeat-interval").target(OcppVersion.V2_0_1).orElseThrow();
        assertThat(ConfigurationCommands.outcome(record(CommandStatus.Timeout, null, null, "no result received"),
                v2, "60").status()).isEqualTo(ConfigurationStatus.Timeout);
        assertThat(ConfigurationCommands.outcome(record(CommandStatus.StationOffline, null, null, null), v2, "60")
                .status()).isEqualTo(ConfigurationStatus.Offline);
        ConfigurationCommands.Outcome error = ConfigurationCommands.outcome(
                record(CommandStatus.CallError, null, "InternalError", "boom"), v2, "60");
        assertThat(error.status()).isEqualTo(ConfigurationStatus.Failed);
        assertThat(error.detail()).isEqualTo("CallError InternalError: boom");
        JsonNode answer = json.readTree("{\"accepted\":true,\"rawResponse\":{\"setVariableResult\":[{"
                + "\"attributeStatus\":\"NotSupportedAttributeType\"}]}}");
        assertThat(ConfigurationCommands.outcome(record(CommandStatus.Answered, answer, null, null), v2, "60")
                .status()).isEqualTo(ConfigurationStatus.NotSupported);
    }

    private static CommandRecord record(CommandStatus status, JsonNode response, String errorCode, String error) {
        Instant now = Instant.now();
        return new CommandRecord("c-1", "CS-1", "SetVariables", ConfigurationRequests.KIND, "r-1", null, "alice",
                status, response, errorCode, error, now, now, now);
    }
}
