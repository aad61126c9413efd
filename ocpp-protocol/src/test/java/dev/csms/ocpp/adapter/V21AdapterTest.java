package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CertificateSigningUse;
import dev.csms.ocpp.canonical.ChargingProfile;
import dev.csms.ocpp.canonical.ChargingProfileKind;
import dev.csms.ocpp.canonical.ChargingProfilePurpose;
import dev.csms.ocpp.canonical.ChargingRateUnit;
import dev.csms.ocpp.canonical.ChargingSchedule;
import dev.csms.ocpp.canonical.ChargingSchedulePeriod;
import dev.csms.ocpp.canonical.CommandResponse;
import dev.csms.ocpp.canonical.FirmwareStatus;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.ocpp.canonical.Location;
import dev.csms.ocpp.canonical.LogType;
import dev.csms.ocpp.canonical.Measurand;
import dev.csms.ocpp.canonical.MessageTrigger;
import dev.csms.ocpp.canonical.ResetType;
import dev.csms.ocpp.canonical.SampledValue;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StationEvent;
import dev.csms.ocpp.canonical.StatusInfo;
import dev.csms.ocpp.canonical.TriggerReason;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.csms.ocpp.canonical.CanonicalJson.mapper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What 2.1 adds to the 2.0.1 mapping it shares. */
class V21AdapterTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:00:00Z");
    private final V21Adapter adapter = new V21Adapter(Clock.fixed(NOW, ZoneOffset.UTC));

    private StationEvent event(String file) {
        return adapter.toCanonical(file.substring(0, file.indexOf('.')), Fixtures.payload(OcppVersion.V2_1, file));
    }

    private OcppRequest valid(StationCommand command) {
        OcppRequest request = adapter.toRequest(command);
        OfficialSchemas.assertValid(OcppVersion.V2_1, request.action(), true, request.payload());
        return request;
    }

    @Test
    void twoOneTokenTypesAreKnownAndUnknownOnesAreOther() {
        assertThat(((StationEvent.Authorize) event("Authorize.json")).idToken())
                .isEqualTo(IdToken.of("WAUZZZ8V5KA123456", IdTokenType.VIN));
        assertThat(((StationEvent.Authorize) event("Authorize.unknown-type.json")).idToken())
                .isEqualTo(new IdToken("X-1", IdTokenType.Other, List.of(), "FleetCard"));
    }

    @Test
    void transactionEventWithTwoOneValues() {
        var tx = (StationEvent.TransactionEvent) event("TransactionEvent.json");

        assertThat(tx.triggerReason()).isEqualTo(TriggerReason.TxResumed);
        assertThat(tx.idToken().type()).isEqualTo(IdTokenType.DirectPayment);
        List<SampledValue> samples = tx.meterValues().get(0).sampledValues();
        assertThat(samples.get(0).value()).isEqualByComparingTo("1500");
        assertThat(samples.get(0).location()).isEqualTo(Location.Upstream);
        assertThat(samples.get(1).measurand()).isEqualTo(Measurand.ENERGY_ACTIVE_IMPORT_CABLE_LOSS);
        assertThat(samples.get(1).value()).isEqualByComparingTo("42");
    }

    @Test
    void statusInfoOfNotificationsIsKept() {
        assertThat(event("FirmwareStatusNotification.json")).isEqualTo(new StationEvent.FirmwareStatusNotification(
                FirmwareStatus.DownloadFailed, 3, new StatusInfo("NotFound", "HTTP 404")));
        var sign = (StationEvent.SignCertificate) event("SignCertificate.json");
        assertThat(sign.certificateType()).isEqualTo(CertificateSigningUse.V2G20Certificate);
        assertThat(sign.requestId()).isEqualTo(12);
    }

    @Test
    void twoOneNotificationsNeedNoAnswer() {
        var settlement = (StationEvent.RawStationMessage) event("NotifySettlement.json");

        assertThat(settlement.requiresDecision()).isFalse();
    }

    @Test
    void twoOneOnlyCommandValuesAreSent() throws Exception {
        assertThat(valid(new StationCommand.Reset(ResetType.ImmediateAndResume, null)).payload())
                .isEqualTo(mapper().readTree("{\"type\":\"ImmediateAndResume\"}"));
        JsonNode trigger = valid(new StationCommand.TriggerMessage(MessageTrigger.CustomTrigger, null, null,
                "ReportDiagnostics")).payload();
        assertThat(trigger.get("customTrigger").asText()).isEqualTo("ReportDiagnostics");
        assertThat(valid(new StationCommand.GetLog(1, LogType.DataCollectorLog, "https://logs.example.com/", null,
                null, null, null)).payload().get("logType").asText()).isEqualTo("DataCollectorLog");
        assertThat(valid(new StationCommand.RequestStartTransaction(1, IdToken.of("WAUZZZ8V5KA123456",
                IdTokenType.VIN), null, 3, null)).payload().get("idToken").get("type").asText()).isEqualTo("VIN");
    }

    @Test
    void longerLimitsAndFreeConnectorTypes() {
        String longToken = "t".repeat(200);

        assertThat(valid(new StationCommand.ReserveNow(1, NOW, IdToken.of(longToken, IdTokenType.Central), null, 1,
                "cNACS")).payload().get("idToken").get("idToken").asText()).isEqualTo(longToken);
        assertThatThrownBy(() -> adapter.toRequest(new StationCommand.ReserveNow(1, NOW,
                IdToken.of("t".repeat(256), IdTokenType.Central), null, 1, null)))
                .isInstanceOf(OcppMappingException.class).hasMessageContaining("255");
    }

    @Test
    void otherTokensWithoutTheirTypeAreNeverSent() {
        assertThatThrownBy(() -> adapter.toRequest(new StationCommand.RequestStartTransaction(1,
                IdToken.of("X-1", IdTokenType.Other), null, 1, null)))
                .isInstanceOf(OcppMappingException.class).hasMessageContaining("Other");
    }

    /** Found by the round trip: an unknown 2.1 token type was read as Other and could not be sent back. */
    @Test
    void unknownTokenTypesGoBackToTwoOneStationsAsTheyCame() {
        IdToken token = ((StationEvent.Authorize) event("Authorize.unknown-type.json")).idToken();
        StationCommand command = new StationCommand.RequestStartTransaction(1, token, null, 7, null);

        assertThat(valid(command).payload().get("idToken"))
                .isEqualTo(Fixtures.payload(OcppVersion.V2_1, "Authorize.unknown-type.json").get("idToken"));
        assertThatThrownBy(() -> new V201Adapter(Clock.systemUTC()).toRequest(command))
                .isInstanceOf(OcppMappingException.class).hasMessageContaining("FleetCard");
        assertThatThrownBy(() -> new IdToken("X-1", IdTokenType.Central, List.of(), "FleetCard"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Found by the round trip: 2.1 made the period limit optional; a missing limit was read as 0 (no charging). */
    @Test
    void aPeriodWithoutLimitStaysWithoutLimit() throws Exception {
        CommandResponse response = adapter.toCommandResponse("GetCompositeSchedule", mapper().readTree("{\"status\":"
                + "\"Accepted\",\"schedule\":{\"evseId\":1,\"duration\":600,\"scheduleStart\":"
                + "\"2025-03-14T09:00:00Z\",\"chargingRateUnit\":\"W\",\"chargingSchedulePeriod\":"
                + "[{\"startPeriod\":0,\"setpoint\":-3000}]}}"));
        assertThat(response.compositeSchedule().periods().get(0).limit()).isNull();

        StationCommand command = new StationCommand.SetChargingProfile(1, new ChargingProfile(5, 0,
                ChargingProfilePurpose.TxDefaultProfile, ChargingProfileKind.Relative, null, null, null, null,
                List.of(new ChargingSchedule(1, null, null, ChargingRateUnit.W,
                        List.of(new ChargingSchedulePeriod(0, null, null, null)), null))));
        assertThat(valid(command).payload().at("/chargingProfile/chargingSchedule/0/chargingSchedulePeriod/0")
                .has("limit")).isFalse();
        assertThatThrownBy(() -> new V201Adapter(Clock.systemUTC()).toRequest(command))
                .isInstanceOf(UnsupportedCommandException.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> new V16Adapter(Clock.systemUTC()).toRequest(command))
                .isInstanceOf(UnsupportedCommandException.class).hasMessageContaining("limit");
    }
}
