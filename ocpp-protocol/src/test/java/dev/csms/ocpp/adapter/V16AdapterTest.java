package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.BootReason;
import dev.csms.ocpp.canonical.ChargingProfile;
import dev.csms.ocpp.canonical.ChargingProfilePurpose;
import dev.csms.ocpp.canonical.ChargingRateUnit;
import dev.csms.ocpp.canonical.CommandResponse;
import dev.csms.ocpp.canonical.ConnectorStatus;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.FirmwareStatus;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenInfo;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.ocpp.canonical.Location;
import dev.csms.ocpp.canonical.LogType;
import dev.csms.ocpp.canonical.Measurand;
import dev.csms.ocpp.canonical.MessageTrigger;
import dev.csms.ocpp.canonical.Phase;
import dev.csms.ocpp.canonical.ReadingContext;
import dev.csms.ocpp.canonical.RegistrationStatus;
import dev.csms.ocpp.canonical.ResetType;
import dev.csms.ocpp.canonical.SampledValue;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StationEvent;
import dev.csms.ocpp.canonical.StoppedReason;
import dev.csms.ocpp.canonical.TransactionEventType;
import dev.csms.ocpp.canonical.TriggerReason;
import dev.csms.ocpp.canonical.UpdateType;
import dev.csms.ocpp.canonical.UploadLogStatus;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static dev.csms.ocpp.canonical.CanonicalJson.mapper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class V16AdapterTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:00:00Z");
    private final V16Adapter adapter = new V16Adapter(Clock.fixed(NOW, ZoneOffset.UTC));

    private StationEvent event(String file) {
        return adapter.toCanonical(file.substring(0, file.indexOf('.')), Fixtures.payload(OcppVersion.V1_6, file));
    }

    private static JsonNode json(String text) throws Exception {
        return mapper().readTree(text);
    }

    private OcppRequest valid(StationCommand command) {
        OcppRequest request = adapter.toRequest(command);
        OfficialSchemas.assertValid(OcppVersion.V1_6, request.action(), true, request.payload());
        return request;
    }

    @Nested
    class StationRequests {

        @Test
        void bootNotificationKeepsStationInfoAndHasUnknownReason() {
            var boot = (StationEvent.BootNotification) event("BootNotification.json");

            assertThat(boot.reason()).isEqualTo(BootReason.Unknown);
            assertThat(boot.station().vendorName()).isEqualTo("ABB");
            assertThat(boot.station().model()).isEqualTo("Terra AC W22-T-R-0");
            assertThat(boot.station().serialNumber()).isEqualTo("TACW2242321G0123");
            assertThat(boot.station().firmwareVersion()).isEqualTo("1.6.8");
            assertThat(boot.station().modem().iccid()).isEqualTo("8944500102198304826");
            assertThat(boot.station().modem().imsi()).isEqualTo("234500010304826");
            assertThat(boot.station().meterSerialNumber()).isEqualTo("7012345");
            assertThat(boot.requiresDecision()).isTrue();
        }

        @Test
        void chargingStatesAreOccupiedAndTheOriginalIsKept() {
            var status = (StationEvent.StatusNotification) event("StatusNotification.json");

            assertThat(status.status()).isEqualTo(ConnectorStatus.Occupied);
            assertThat(status.originalStatus()).isEqualTo("SuspendedEV");
            assertThat(status.evseId()).isEqualTo(2);
            assertThat(status.connectorId()).isEqualTo(1);
            assertThat(status.errorCode()).isEqualTo("NoError");
            assertThat(status.timestamp()).isEqualTo(Instant.parse("2025-03-14T09:26:53Z"));
            assertThat(status.requiresDecision()).isFalse();
        }

        @Test
        void everyOneSixStatusIsNormalized() {
            assertThat(List.of("Available", "Preparing", "Charging", "SuspendedEVSE", "SuspendedEV", "Finishing",
                    "Reserved", "Unavailable", "Faulted").stream().map(V16Adapter::connectorStatus).toList())
                    .containsExactly(ConnectorStatus.Available, ConnectorStatus.Occupied, ConnectorStatus.Occupied,
                            ConnectorStatus.Occupied, ConnectorStatus.Occupied, ConnectorStatus.Occupied,
                            ConnectorStatus.Reserved, ConnectorStatus.Unavailable, ConnectorStatus.Faulted);
        }

        @Test
        void connectorZeroIsTheStationAndKeepsVendorError() {
            var status = (StationEvent.StatusNotification) event("StatusNotification.station-fault.json");

            assertThat(status.evseId()).isZero();
            assertThat(status.connectorId()).isZero();
            assertThat(status.status()).isEqualTo(ConnectorStatus.Faulted);
            assertThat(status.errorCode()).isEqualTo("GroundFailure");
            assertThat(status.info()).isEqualTo("RCD tripped");
            assertThat(status.vendorId()).isEqualTo("com.abb");
            assertThat(status.vendorErrorCode()).isEqualTo("E0x1F");
            assertThat(status.timestamp()).isNull();
        }

        @Test
        void meterValuesAreNormalizedToBaseUnitsWithDefaults() {
            var meter = (StationEvent.MeterValues) event("MeterValues.json");

            assertThat(meter.evseId()).isEqualTo(1);
            assertThat(meter.meterValues()).hasSize(1);
            assertThat(meter.meterValues().get(0).timestamp()).isEqualTo(Instant.parse("2025-03-14T08:30:00Z"));
            List<SampledValue> samples = meter.meterValues().get(0).sampledValues();
            SampledValue energy = samples.get(0);
            assertThat(energy.value()).isEqualByComparingTo("12345");
            assertThat(energy.unit()).isEqualTo("Wh");
            assertThat(energy.context()).isEqualTo(ReadingContext.SAMPLE_CLOCK);
            SampledValue power = samples.get(1);
            assertThat(power.measurand()).isEqualTo(Measurand.POWER_ACTIVE_IMPORT);
            assertThat(power.value()).isEqualByComparingTo("7400");
            assertThat(power.unit()).isEqualTo("W");
            assertThat(samples.get(2).phase()).isEqualTo(Phase.L1);
            assertThat(samples.get(2).value()).isEqualByComparingTo("16.2");
            assertThat(samples.get(3).phase()).isEqualTo(Phase.L1_N);
            SampledValue temperature = samples.get(4);
            assertThat(temperature.unit()).isEqualTo("Celsius");
            assertThat(temperature.location()).isEqualTo(Location.Body);
            SampledValue bare = samples.get(5);
            assertThat(bare.measurand()).isEqualTo(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER);
            assertThat(bare.unit()).isEqualTo("Wh");
            assertThat(bare.value()).isEqualTo(new BigDecimal("9876"));
            assertThat(bare.context()).isEqualTo(ReadingContext.SAMPLE_PERIODIC);
            assertThat(bare.location()).isEqualTo(Location.Outlet);
        }

        @Test
        void meterValuesOfATransactionAreAnUpdatedTransactionEvent() {
            var tx = (StationEvent.TransactionEvent) event("MeterValues.transaction.json");

            assertThat(tx.eventType()).isEqualTo(TransactionEventType.Updated);
            assertThat(tx.transactionId()).isEqualTo("4711");
            assertThat(tx.seqNo()).isEqualTo(Instant.parse("2025-03-14T09:45:00Z").toEpochMilli());
            assertThat(tx.timestamp()).isEqualTo(Instant.parse("2025-03-14T10:00:00Z"));
            assertThat(tx.triggerReason()).isEqualTo(TriggerReason.MeterValuePeriodic);
            assertThat(tx.evseId()).isEqualTo(1);
            assertThat(tx.connectorId()).isEqualTo(1);
            assertThat(tx.meterValues().get(0).sampledValues().get(1).value()).isEqualByComparingTo("11040");
            assertThat(tx.meterValues().get(0).sampledValues().get(2).measurand()).isEqualTo(Measurand.SOC);
            SampledValue signed = tx.meterValues().get(1).sampledValues().get(1);
            assertThat(signed.value()).isNull();
            assertThat(signed.signedMeterValue().signedMeterData()).isEqualTo("<signed>AQIDBAUG</signed>");
            assertThat(tx.requiresDecision()).isFalse();
        }

        @Test
        void authorizeIdTagIsACentralToken() {
            var authorize = (StationEvent.Authorize) event("Authorize.json");

            assertThat(authorize.idToken()).isEqualTo(IdToken.of("04A2B3C4D5E6F7", IdTokenType.Central));
            assertThat(authorize.requiresDecision()).isTrue();
        }

        @Test
        void startTransactionIsAStartedEventWithoutIdYet() {
            var tx = (StationEvent.TransactionEvent) event("StartTransaction.json");

            assertThat(tx.eventType()).isEqualTo(TransactionEventType.Started);
            assertThat(tx.transactionId()).isNull();
            assertThat(tx.seqNo()).isZero();
            assertThat(tx.timestamp()).isEqualTo(Instant.parse("2025-03-14T09:31:12.250Z"));
            assertThat(tx.triggerReason()).isEqualTo(TriggerReason.Authorized);
            assertThat(tx.idToken().value()).isEqualTo("04A2B3C4D5E6F7");
            assertThat(tx.evseId()).isEqualTo(1);
            assertThat(tx.connectorId()).isEqualTo(1);
            assertThat(tx.meterStartWh()).isEqualTo(1234567L);
            assertThat(tx.reservationId()).isEqualTo(42);
            assertThat(tx.requiresDecision()).isTrue();
        }

        @Test
        void stopTransactionIsTheLastEventOfTheTransaction() {
            var tx = (StationEvent.TransactionEvent) event("StopTransaction.json");

            assertThat(tx.eventType()).isEqualTo(TransactionEventType.Ended);
            assertThat(tx.transactionId()).isEqualTo("4711");
            assertThat(tx.seqNo()).isEqualTo(Long.MAX_VALUE);
            assertThat(tx.triggerReason()).isEqualTo(TriggerReason.RemoteStop);
            assertThat(tx.stoppedReason()).isEqualTo(StoppedReason.Remote);
            assertThat(tx.meterStopWh()).isEqualTo(1264567L);
            assertThat(tx.evseId()).isNull();
            assertThat(tx.meterValues()).hasSize(2);
            SampledValue begin = tx.meterValues().get(0).sampledValues().get(0);
            assertThat(begin.value()).isEqualTo(new BigDecimal("1234567"));
            assertThat(begin.context()).isEqualTo(ReadingContext.TRANSACTION_BEGIN);
            assertThat(tx.requiresDecision()).isTrue();
        }

        @Test
        void stopWithoutReasonIsLocalAndNeedsNoDecisionWithoutIdTag() {
            var tx = (StationEvent.TransactionEvent) event("StopTransaction.minimal.json");

            assertThat(tx.stoppedReason()).isEqualTo(StoppedReason.Local);
            assertThat(tx.triggerReason()).isEqualTo(TriggerReason.StopAuthorized);
            assertThat(tx.idToken()).isNull();
            assertThat(tx.requiresDecision()).isFalse();
        }

        @Test
        void resetStopReasonsBecomeImmediateReset() {
            var tx = (StationEvent.TransactionEvent) event("StopTransaction.hard-reset.json");

            assertThat(tx.stoppedReason()).isEqualTo(StoppedReason.ImmediateReset);
            assertThat(tx.triggerReason()).isEqualTo(TriggerReason.ResetCommand);
        }

        @Test
        void notificationsMapToTheirCanonicalForms() {
            assertThat(event("FirmwareStatusNotification.json"))
                    .isEqualTo(new StationEvent.FirmwareStatusNotification(FirmwareStatus.Installing, null, null));
            assertThat(event("SignedFirmwareStatusNotification.json"))
                    .isEqualTo(new StationEvent.FirmwareStatusNotification(FirmwareStatus.SignatureVerified, 17,
                            null));
            assertThat(event("DiagnosticsStatusNotification.json"))
                    .isEqualTo(new StationEvent.LogStatusNotification(UploadLogStatus.UploadFailure, null, null));
            assertThat(event("LogStatusNotification.json"))
                    .isEqualTo(new StationEvent.LogStatusNotification(UploadLogStatus.Uploaded, 5, null));
            assertThat(event("SecurityEventNotification.json"))
                    .isEqualTo(new StationEvent.SecurityEventNotification("TamperDetectionActivated",
                            Instant.parse("2025-03-14T03:12:44Z"), "housing opened"));
            assertThat(event("DataTransfer.json")).isEqualTo(new StationEvent.DataTransfer("com.alfen",
                    "CustomerPrice", TextNode.valueOf("{\"price\":0.39}")));
            assertThat(((StationEvent.SignCertificate) event("SignCertificate.json")).certificateType())
                    .hasToString("ChargingStationCertificate");
        }

        @Test
        void unknownActionTravelsRawAndAsksForAnAnswer() throws Exception {
            StationEvent event = adapter.toCanonical("VendorHello", json("{\"a\":1}"));

            assertThat(event).isEqualTo(new StationEvent.RawStationMessage("VendorHello", json("{\"a\":1}"), true));
        }
    }

    @Nested
    class Answers {

        @Test
        void bootAnswerUsesTheClockWhenNoTimeIsGiven() throws Exception {
            JsonNode response = adapter.toResponse("BootNotification",
                    new CsmsAnswer.BootNotificationAnswer(RegistrationStatus.Pending, 60, null, null));

            assertThat(response).isEqualTo(json(
                    "{\"status\":\"Pending\",\"currentTime\":\"2025-03-14T09:00:00Z\",\"interval\":60}"));
        }

        @Test
        void heartbeatAnswerCarriesTheTime() throws Exception {
            assertThat(adapter.toResponse("Heartbeat", new CsmsAnswer.EmptyAnswer()))
                    .isEqualTo(json("{\"currentTime\":\"2025-03-14T09:00:00Z\"}"));
        }

        @Test
        void twoXRefusalsBecomeInvalidAndGroupBecomesParentIdTag() throws Exception {
            IdTokenInfo info = new IdTokenInfo(AuthorizationStatus.NotAtThisTime, Instant.parse("2025-04-01T00:00:00Z"),
                    IdToken.of("PARENT-1", IdTokenType.Central), 3, List.of(1), "en", null, null);

            JsonNode response = adapter.toResponse("Authorize", new CsmsAnswer.AuthorizeAnswer(info, null));

            assertThat(response).isEqualTo(json("{\"idTagInfo\":{\"expiryDate\":\"2025-04-01T00:00:00Z\","
                    + "\"parentIdTag\":\"PARENT-1\",\"status\":\"Invalid\"}}"));
            OfficialSchemas.assertValid(OcppVersion.V1_6, "Authorize", false, response);
        }

        @Test
        void startTransactionAnswerAssignsTheIntegerId() throws Exception {
            JsonNode response = adapter.toResponse("StartTransaction", new CsmsAnswer.TransactionEventAnswer(4711,
                    IdTokenInfo.of(AuthorizationStatus.Accepted), null, null, null));

            assertThat(response).isEqualTo(json("{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":4711}"));
        }

        @Test
        void startTransactionCannotBeAnsweredWithoutTransactionId() {
            assertThatThrownBy(() -> adapter.toResponse("StartTransaction", new CsmsAnswer.EmptyAnswer()))
                    .isInstanceOf(OcppMappingException.class).hasMessageContaining("assignedTransactionId");
            assertThatThrownBy(() -> adapter.toResponse("StartTransaction", new CsmsAnswer.TransactionEventAnswer(
                    null, IdTokenInfo.of(AuthorizationStatus.Accepted), null, null, null)))
                    .isInstanceOf(OcppMappingException.class);
        }

        @Test
        void answerOfTheWrongKindIsRefused() {
            assertThatThrownBy(() -> adapter.toResponse("Authorize", new CsmsAnswer.EmptyAnswer()))
                    .isInstanceOf(OcppMappingException.class).hasMessageContaining("Authorize");
        }

        @Test
        void dataTransferAnswerDataIsAString() throws Exception {
            JsonNode response = adapter.toResponse("DataTransfer", new CsmsAnswer.DataTransferAnswer(
                    dev.csms.ocpp.canonical.DataTransferStatus.Accepted, json("{\"ok\":true}"), null));

            assertThat(response).isEqualTo(json("{\"status\":\"Accepted\",\"data\":\"{\\\"ok\\\":true}\"}"));
        }

        @Test
        void rawAnswerIsSentAsIs() throws Exception {
            assertThat(adapter.toResponse("VendorHello", new CsmsAnswer.RawAnswer(json("{\"x\":[1]}"))))
                    .isEqualTo(json("{\"x\":[1]}"));
        }
    }

    @Nested
    class Commands {

        @Test
        void remoteStartUsesConnectorAndIdTag() throws Exception {
            OcppRequest request = valid(new StationCommand.RequestStartTransaction(2,
                    IdToken.of("04A2B3C4D5E6F7", IdTokenType.ISO14443), null, 77, null));

            assertThat(request.action()).isEqualTo("RemoteStartTransaction");
            assertThat(request.payload()).isEqualTo(json("{\"connectorId\":2,\"idTag\":\"04A2B3C4D5E6F7\"}"));
        }

        @Test
        void remoteStartWithProfileUsesTheOneSixProfileShape() {
            OcppRequest request = valid(new StationCommand.RequestStartTransaction(1, CanonicalSamples.RFID, null, 1,
                    CanonicalSamples.txProfile()));

            JsonNode profile = request.payload().get("chargingProfile");
            assertThat(profile.get("chargingProfileId").intValue()).isEqualTo(11);
            assertThat(profile.get("chargingSchedule").get("chargingSchedulePeriod").get(1).get("limit")
                    .decimalValue()).isEqualByComparingTo("10.2");
        }

        @Test
        void remoteStopNeedsAnIntegerTransactionId() {
            assertThat(valid(new StationCommand.RequestStopTransaction("4711")).payload().get("transactionId")
                    .intValue()).isEqualTo(4711);
            assertThatThrownBy(() -> adapter.toRequest(new StationCommand.RequestStopTransaction("a3f1-uuid")))
                    .isInstanceOf(UnsupportedCommandException.class).hasMessageContaining("1.6");
        }

        @Test
        void resetTypesMapToSoftAndHard() {
            assertThat(valid(new StationCommand.Reset(ResetType.Immediate, null)).payload().get("type").asText())
                    .isEqualTo("Soft");
            assertThat(valid(new StationCommand.Reset(ResetType.Hard, null)).payload().get("type").asText())
                    .isEqualTo("Hard");
            assertThatThrownBy(() -> adapter.toRequest(new StationCommand.Reset(ResetType.OnIdle, null)))
                    .isInstanceOf(UnsupportedCommandException.class);
            assertThatThrownBy(() -> adapter.toRequest(new StationCommand.Reset(ResetType.Immediate, 1)))
                    .isInstanceOf(UnsupportedCommandException.class);
        }

        @Test
        void securityTriggersUseExtendedTriggerMessage() {
            OcppRequest log = valid(new StationCommand.TriggerMessage(MessageTrigger.LogStatusNotification, null,
                    null, null));
            OcppRequest cert = valid(new StationCommand.TriggerMessage(
                    MessageTrigger.SignChargingStationCertificate, null, null, null));
            OcppRequest diag = valid(new StationCommand.TriggerMessage(
                    MessageTrigger.DiagnosticsStatusNotification, null, null, null));

            assertThat(log.action()).isEqualTo("ExtendedTriggerMessage");
            assertThat(cert.payload().get("requestedMessage").asText()).isEqualTo("SignChargePointCertificate");
            assertThat(diag.action()).isEqualTo("TriggerMessage");
            assertThatThrownBy(() -> adapter.toRequest(new StationCommand.TriggerMessage(
                    MessageTrigger.TransactionEvent, 1, null, null))).isInstanceOf(UnsupportedCommandException.class);
        }

        @Test
        void signedFirmwareUsesSignedUpdateFirmware() {
            OcppRequest request = valid(new StationCommand.UpdateFirmware(17, "https://fw.example.com/f.bin",
                    CanonicalSamples.T, Instant.parse("2025-03-15T02:00:00Z"), "-----BEGIN CERTIFICATE-----",
                    "MEUCIQ==", null, null));

            assertThat(request.action()).isEqualTo("SignedUpdateFirmware");
            assertThat(request.payload().get("requestId").intValue()).isEqualTo(17);
            assertThat(request.payload().get("firmware").get("installDateTime").asText())
                    .isEqualTo("2025-03-15T02:00:00Z");
        }

        @Test
        void unsignedFirmwareUsesUpdateFirmware() {
            OcppRequest request = valid(CanonicalSamples.commands().stream()
                    .filter(StationCommand.UpdateFirmware.class::isInstance).findFirst().orElseThrow());

            assertThat(request.action()).isEqualTo("UpdateFirmware");
            assertThat(request.payload().get("retrieveDate").asText()).isEqualTo("2025-03-14T09:00:00Z");
        }

        @Test
        void logsUseGetDiagnosticsOrGetLog() {
            StationCommand.GetLog diagnostics = new StationCommand.GetLog(1, LogType.DiagnosticsLog,
                    "ftp://logs.example.com/", null, null, null, null);
            StationCommand.GetLog security = new StationCommand.GetLog(2, LogType.SecurityLog,
                    "https://logs.example.com/", CanonicalSamples.T, null, 1, 10);

            assertThat(valid(diagnostics).action()).isEqualTo("GetDiagnostics");
            assertThat(valid(security).action()).isEqualTo("GetLog");
            assertThatThrownBy(() -> adapter.toRequest(new StationCommand.GetLog(3, LogType.DataCollectorLog,
                    "https://x", null, null, null, null))).isInstanceOf(UnsupportedCommandException.class);
        }

        @Test
        void stationMaxProfileIsChargePointMaxProfileWithTenthsRoundedDown() {
            OcppRequest request = valid(new StationCommand.SetChargingProfile(0, CanonicalSamples.stationMaxProfile()));

            JsonNode profile = request.payload().get("csChargingProfiles");
            assertThat(profile.get("chargingProfilePurpose").asText()).isEqualTo("ChargePointMaxProfile");
            assertThat(profile.get("chargingSchedule").get("chargingSchedulePeriod").get(1).get("limit")
                    .decimalValue()).isEqualByComparingTo("11000.5");
        }

        @Test
        void profilesOneSixCannotExpressAreRefused() {
            ChargingProfile base = CanonicalSamples.txProfile();
            ChargingProfile twoSchedules = new ChargingProfile(1, 0, base.purpose(), base.kind(), null, null, null,
                    null, List.of(base.schedules().get(0), base.schedules().get(0)));
            ChargingProfile external = new ChargingProfile(1, 0,
                    ChargingProfilePurpose.ChargingStationExternalConstraints, base.kind(), null, null, null, null,
                    base.schedules());

            assertThatThrownBy(() -> adapter.toRequest(new StationCommand.SetChargingProfile(1, twoSchedules)))
                    .isInstanceOf(UnsupportedCommandException.class).hasMessageContaining("exactly one schedule");
            assertThatThrownBy(() -> adapter.toRequest(new StationCommand.SetChargingProfile(1, external)))
                    .isInstanceOf(UnsupportedCommandException.class);
        }

        @Test
        void idTagLongerThanTwentyIsRefused() {
            assertThatThrownBy(() -> adapter.toRequest(new StationCommand.RequestStartTransaction(1,
                    IdToken.of("123456789012345678901", IdTokenType.Central), null, 1, null)))
                    .isInstanceOf(OcppMappingException.class).hasMessageContaining("idTag");
        }

        /** Found by the round trip: an empty list was written as [], so a request without list came back with one. */
        @Test
        void sendLocalListWithoutEntriesLeavesTheListOut() throws Exception {
            OcppRequest request = valid(new StationCommand.SendLocalList(4, UpdateType.Full, List.of()));

            assertThat(request.payload()).isEqualTo(json("{\"listVersion\":4,\"updateType\":\"Full\"}"));
        }

        @Test
        void rawCommandPassesThrough() throws Exception {
            JsonNode payload = json("{\"key\":\"HeartbeatInterval\",\"value\":\"300\"}");

            OcppRequest request = valid(new StationCommand.RawCommand("ChangeConfiguration", payload));

            assertThat(request).isEqualTo(new OcppRequest("ChangeConfiguration", payload));
        }
    }

    @Nested
    class CommandResponses {

        @Test
        void statusDecidesAcceptance() throws Exception {
            CommandResponse rejected = adapter.toCommandResponse("RemoteStartTransaction",
                    json("{\"status\":\"Rejected\"}"));
            CommandResponse unlocked = adapter.toCommandResponse("UnlockConnector", json("{\"status\":\"Unlocked\"}"));
            CommandResponse scheduled = adapter.toCommandResponse("ChangeAvailability",
                    json("{\"status\":\"Scheduled\"}"));
            CommandResponse notSupported = adapter.toCommandResponse("SetChargingProfile",
                    json("{\"status\":\"NotSupported\"}"));

            assertThat(rejected.accepted()).isFalse();
            assertThat(rejected.status()).isEqualTo("Rejected");
            assertThat(unlocked.accepted()).isTrue();
            assertThat(scheduled.accepted()).isTrue();
            assertThat(notSupported.accepted()).isFalse();
            assertThat(notSupported.rawResponse()).isEqualTo(json("{\"status\":\"NotSupported\"}"));
        }

        /** Found by the round trip: RebootRequired means the value is set (it applies after a reboot). */
        @Test
        void rebootRequiredIsAccepted() throws Exception {
            CommandResponse response = adapter.toCommandResponse("ChangeConfiguration",
                    json("{\"status\":\"RebootRequired\"}"));

            assertThat(response.accepted()).isTrue();
            assertThat(response.status()).isEqualTo("RebootRequired");
        }

        @Test
        void responsesWithoutStatusAreAccepted() throws Exception {
            JsonNode configuration = json("{\"configurationKey\":[{\"key\":\"HeartbeatInterval\",\"readonly\":false,"
                    + "\"value\":\"300\"}]}");

            CommandResponse response = adapter.toCommandResponse("GetConfiguration", configuration);

            assertThat(response.accepted()).isTrue();
            assertThat(response.status()).isNull();
            assertThat(response.rawResponse()).isEqualTo(configuration);
        }

        @Test
        void getDiagnosticsIsAcceptedWhenItNamesAFile() throws Exception {
            assertThat(adapter.toCommandResponse("GetDiagnostics", json("{}")).accepted()).isFalse();
            CommandResponse named = adapter.toCommandResponse("GetDiagnostics", json("{\"fileName\":\"d.zip\"}"));
            assertThat(named.accepted()).isTrue();
            assertThat(named.fileName()).isEqualTo("d.zip");
        }

        @Test
        void compositeScheduleIsNormalized() throws Exception {
            CommandResponse response = adapter.toCommandResponse("GetCompositeSchedule", json("{\"status\":"
                    + "\"Accepted\",\"connectorId\":1,\"scheduleStart\":\"2025-03-14T09:00:00Z\",\"chargingSchedule\":"
                    + "{\"duration\":3600,\"chargingRateUnit\":\"A\",\"chargingSchedulePeriod\":[{\"startPeriod\":0,"
                    + "\"limit\":16.0,\"numberPhases\":3}]}}"));

            assertThat(response.compositeSchedule().evseId()).isEqualTo(1);
            assertThat(response.compositeSchedule().duration()).isEqualTo(3600);
            assertThat(response.compositeSchedule().chargingRateUnit()).isEqualTo(ChargingRateUnit.A);
            assertThat(response.compositeSchedule().periods().get(0).limit()).isEqualByComparingTo("16");
        }

        @Test
        void dataTransferDataIsKept() throws Exception {
            assertThat(adapter.toCommandResponse("DataTransfer", json("{\"status\":\"Accepted\",\"data\":\"42\"}"))
                    .data()).isEqualTo(TextNode.valueOf("42"));
        }
    }
}
