package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.BootReason;
import dev.csms.ocpp.canonical.CertificateSigningUse;
import dev.csms.ocpp.canonical.ChargingProfilePurpose;
import dev.csms.ocpp.canonical.ChargingState;
import dev.csms.ocpp.canonical.CommandResponse;
import dev.csms.ocpp.canonical.ConnectorStatus;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.FirmwareStatus;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenInfo;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.ocpp.canonical.Location;
import dev.csms.ocpp.canonical.Measurand;
import dev.csms.ocpp.canonical.MessageTrigger;
import dev.csms.ocpp.canonical.OperationalStatus;
import dev.csms.ocpp.canonical.Phase;
import dev.csms.ocpp.canonical.ResetType;
import dev.csms.ocpp.canonical.SampledValue;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StationEvent;
import dev.csms.ocpp.canonical.StoppedReason;
import dev.csms.ocpp.canonical.TransactionEventType;
import dev.csms.ocpp.canonical.TriggerReason;
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

class V201AdapterTest {

    private static final Instant NOW = Instant.parse("2025-03-14T09:00:00Z");
    private final V201Adapter adapter = new V201Adapter(Clock.fixed(NOW, ZoneOffset.UTC));

    private StationEvent event(String file) {
        return adapter.toCanonical(file.substring(0, file.indexOf('.')), Fixtures.payload(OcppVersion.V2_0_1, file));
    }

    private static JsonNode json(String text) throws Exception {
        return mapper().readTree(text);
    }

    private OcppRequest valid(StationCommand command) {
        OcppRequest request = adapter.toRequest(command);
        OfficialSchemas.assertValid(OcppVersion.V2_0_1, request.action(), true, request.payload());
        return request;
    }

    @Nested
    class StationRequests {

        @Test
        void bootNotificationKeepsReasonAndStation() {
            var boot = (StationEvent.BootNotification) event("BootNotification.json");

            assertThat(boot.reason()).isEqualTo(BootReason.PowerUp);
            assertThat(boot.station().vendorName()).isEqualTo("EVBox");
            assertThat(boot.station().serialNumber()).isEqualTo("EVB-P2271234");
            assertThat(boot.station().modem().imsi()).isEqualTo("204081234567890");
            assertThat(boot.station().meterType()).isNull();
        }

        @Test
        void statusNotificationIsOneToOne() {
            assertThat(event("StatusNotification.json")).isEqualTo(new StationEvent.StatusNotification(
                    Instant.parse("2025-03-14T09:26:53.120Z"), 1, 1, ConnectorStatus.Occupied, "Occupied", null,
                    null, null, null));
        }

        @Test
        void meterValuesApplyUnitAndMultiplier() {
            var meter = (StationEvent.MeterValues) event("MeterValues.json");

            assertThat(meter.evseId()).isZero();
            List<SampledValue> samples = meter.meterValues().get(0).sampledValues();
            assertThat(samples.get(0).value()).isEqualByComparingTo("152301");
            assertThat(samples.get(0).unit()).isEqualTo("Wh");
            assertThat(samples.get(0).location()).isEqualTo(Location.Inlet);
            assertThat(samples.get(1).value()).isEqualByComparingTo("22080");
            assertThat(samples.get(1).unit()).isEqualTo("W");
            assertThat(samples.get(2).phase()).isEqualTo(Phase.L2);
            assertThat(samples.get(2).value()).isEqualByComparingTo("3200");
            assertThat(samples.get(3).unit()).isEqualTo("Hz");
            assertThat(samples.get(3).value()).isEqualByComparingTo("49.98");
            assertThat(samples.get(4).measurand()).isEqualTo(Measurand.ENERGY_ACTIVE_IMPORT_REGISTER);
            assertThat(samples.get(4).unit()).isEqualTo("Wh");
            assertThat(samples.get(4).value()).isEqualTo(new BigDecimal("98765"));
        }

        @Test
        void authorizeKeepsTypeAdditionalInfoAndOcspData() {
            var authorize = (StationEvent.Authorize) event("Authorize.json");

            assertThat(authorize.idToken().value()).isEqualTo("NL-TNM-C12345678-X");
            assertThat(authorize.idToken().type()).isEqualTo(IdTokenType.eMAID);
            assertThat(authorize.idToken().additionalInfo())
                    .containsExactly(new IdToken.AdditionalInfo("C12345678", "ContractNumber"));
            assertThat(authorize.iso15118CertificateHashData()).singleElement()
                    .satisfies(h -> assertThat(h.responderUrl()).isEqualTo("http://ocsp.example.com"));
        }

        @Test
        void transactionStartedKeepsEveryField() {
            var tx = (StationEvent.TransactionEvent) event("TransactionEvent.json");

            assertThat(tx.eventType()).isEqualTo(TransactionEventType.Started);
            assertThat(tx.transactionId()).isEqualTo("a3f1c9e2-5b7d-4e0a-9f3c-2d8b6e4a1c07");
            assertThat(tx.seqNo()).isZero();
            assertThat(tx.triggerReason()).isEqualTo(TriggerReason.Authorized);
            assertThat(tx.idToken()).isEqualTo(IdToken.of("04A2B3C4D5E6F7", IdTokenType.ISO14443));
            assertThat(tx.evseId()).isEqualTo(1);
            assertThat(tx.connectorId()).isEqualTo(1);
            assertThat(tx.chargingState()).isEqualTo(ChargingState.EVConnected);
            assertThat(tx.remoteStartId()).isEqualTo(7);
            assertThat(tx.reservationId()).isEqualTo(42);
            assertThat(tx.numberOfPhasesUsed()).isEqualTo(3);
            assertThat(tx.cableMaxCurrent()).isEqualTo(32);
            assertThat(tx.meterStartWh()).isNull();
            assertThat(tx.meterValues().get(0).sampledValues().get(0).value()).isEqualByComparingTo("1234567");
            assertThat(tx.requiresDecision()).isTrue();
        }

        @Test
        void transactionUpdatedWithoutTokenNeedsNoDecision() {
            var tx = (StationEvent.TransactionEvent) event("TransactionEvent.updated.json");

            assertThat(tx.eventType()).isEqualTo(TransactionEventType.Updated);
            assertThat(tx.seqNo()).isEqualTo(3);
            assertThat(tx.timeSpentCharging()).isEqualTo(880);
            assertThat(tx.evseId()).isNull();
            List<SampledValue> samples = tx.meterValues().get(0).sampledValues();
            assertThat(samples.get(1).value()).isEqualByComparingTo("11000");
            assertThat(samples.get(2).signedMeterValue().encodingMethod()).isEqualTo("OCMF");
            assertThat(tx.requiresDecision()).isFalse();
        }

        @Test
        void transactionEndedCarriesReasonAndOfflineFlag() {
            var tx = (StationEvent.TransactionEvent) event("TransactionEvent.ended.json");

            assertThat(tx.eventType()).isEqualTo(TransactionEventType.Ended);
            assertThat(tx.stoppedReason()).isEqualTo(StoppedReason.EVDisconnected);
            assertThat(tx.triggerReason()).isEqualTo(TriggerReason.EVCommunicationLost);
            assertThat(tx.offline()).isTrue();
            assertThat(tx.evseId()).isEqualTo(1);
            assertThat(tx.connectorId()).isNull();
        }

        @Test
        void notificationsMapToTheirCanonicalForms() throws Exception {
            assertThat(event("FirmwareStatusNotification.json")).isEqualTo(
                    new StationEvent.FirmwareStatusNotification(FirmwareStatus.InstallVerificationFailed, 17, null));
            assertThat(event("LogStatusNotification.json")).isEqualTo(
                    new StationEvent.LogStatusNotification(UploadLogStatus.AcceptedCanceled, 6, null));
            assertThat(((StationEvent.SignCertificate) event("SignCertificate.json")).certificateType())
                    .isEqualTo(CertificateSigningUse.V2GCertificate);
            assertThat(((StationEvent.DataTransfer) event("DataTransfer.json")).data())
                    .isEqualTo(json("{\"peakPowerW\": 150000, \"phases\": [1, 2, 3]}"));
        }

        @Test
        void unmappedActionsTravelRawAndSayWhetherTheyNeedAnAnswer() {
            var notifyEvent = (StationEvent.RawStationMessage) event("NotifyEvent.json");
            var certificate = (StationEvent.RawStationMessage) event("Get15118EVCertificate.json");

            assertThat(notifyEvent.action()).isEqualTo("NotifyEvent");
            assertThat(notifyEvent.payload()).isEqualTo(Fixtures.payload(OcppVersion.V2_0_1, "NotifyEvent.json"));
            assertThat(notifyEvent.requiresDecision()).isFalse();
            assertThat(certificate.requiresDecision()).isTrue();
        }
    }

    @Nested
    class Answers {

        @Test
        void authorizeAnswerCarriesTheFullIdTokenInfo() throws Exception {
            JsonNode response = adapter.toResponse("Authorize",
                    new CsmsAnswer.AuthorizeAnswer(CanonicalSamples.RICH_INFO, null));

            assertThat(response).isEqualTo(json("{\"idTokenInfo\":{\"status\":\"Accepted\","
                    + "\"cacheExpiryDateTime\":\"2025-12-31T23:59:59Z\",\"chargingPriority\":2,\"language1\":\"en\","
                    + "\"evseId\":[1,2],\"groupIdToken\":{\"idToken\":\"FLEET-7\",\"type\":\"Central\"},"
                    + "\"language2\":\"de\",\"personalMessage\":{\"format\":\"UTF8\",\"language\":\"en\","
                    + "\"content\":\"Welcome back\"}}}"));
        }

        @Test
        void transactionAnswerIgnoresTheOneSixId() throws Exception {
            JsonNode response = adapter.toResponse("TransactionEvent", new CsmsAnswer.TransactionEventAnswer(4711,
                    IdTokenInfo.of(AuthorizationStatus.Blocked), new BigDecimal("3.50"), null, null));

            assertThat(response).isEqualTo(json("{\"totalCost\":3.50,\"idTokenInfo\":{\"status\":\"Blocked\"}}"));
        }

        @Test
        void emptyAnswerFitsNotificationsButNotDecisions() throws Exception {
            assertThat(adapter.toResponse("NotifyReport", new CsmsAnswer.EmptyAnswer())).isEqualTo(json("{}"));
            assertThat(adapter.toResponse("Heartbeat", new CsmsAnswer.EmptyAnswer()))
                    .isEqualTo(json("{\"currentTime\":\"2025-03-14T09:00:00Z\"}"));
            assertThatThrownBy(() -> adapter.toResponse("Get15118EVCertificate", new CsmsAnswer.EmptyAnswer()))
                    .isInstanceOf(OcppMappingException.class);
        }

        @Test
        void twoOneOnlyValuesAreRefusedInAnswers() {
            IdTokenInfo vinGroup = new IdTokenInfo(AuthorizationStatus.Accepted, null,
                    IdToken.of("WAUZZZ8V5KA123456", IdTokenType.VIN), null, null, null, null, null);

            assertThatThrownBy(() -> adapter.toResponse("Authorize", new CsmsAnswer.AuthorizeAnswer(vinGroup, null)))
                    .isInstanceOf(OcppMappingException.class).hasMessageContaining("VIN");
        }
    }

    @Nested
    class Commands {

        @Test
        void requestStartCarriesTokenProfileAndRemoteStartId() {
            OcppRequest request = valid(new StationCommand.RequestStartTransaction(1, CanonicalSamples.RFID,
                    IdToken.of("FLEET-7", IdTokenType.Central), 77, CanonicalSamples.txProfile()));

            assertThat(request.action()).isEqualTo("RequestStartTransaction");
            assertThat(request.payload().get("remoteStartId").intValue()).isEqualTo(77);
            assertThat(request.payload().get("idToken").get("type").asText()).isEqualTo("ISO14443");
            assertThat(request.payload().get("chargingProfile").get("chargingSchedule").get(0)
                    .get("chargingSchedulePeriod").get(1).get("limit").decimalValue()).isEqualByComparingTo("10.25");
        }

        @Test
        void resetHardIsImmediateAndResumeIsOnlyTwoOne() throws Exception {
            assertThat(valid(new StationCommand.Reset(ResetType.Hard, null)).payload())
                    .isEqualTo(json("{\"type\":\"Immediate\"}"));
            assertThat(valid(new StationCommand.Reset(ResetType.OnIdle, 2)).payload())
                    .isEqualTo(json("{\"type\":\"OnIdle\",\"evseId\":2}"));
            assertThatThrownBy(() -> adapter.toRequest(new StationCommand.Reset(ResetType.ImmediateAndResume, null)))
                    .isInstanceOf(UnsupportedCommandException.class).hasMessageContaining("2.0.1");
        }

        @Test
        void stationWideAvailabilityLeavesOutTheEvse() throws Exception {
            assertThat(valid(new StationCommand.ChangeAvailability(0, null, OperationalStatus.Operative)).payload())
                    .isEqualTo(json("{\"operationalStatus\":\"Operative\"}"));
            assertThat(valid(new StationCommand.ChangeAvailability(2, 1, OperationalStatus.Inoperative)).payload())
                    .isEqualTo(json("{\"evse\":{\"id\":2,\"connectorId\":1},\"operationalStatus\":\"Inoperative\"}"));
        }

        @Test
        void triggersWithoutTwoXEquivalentAreRefused() {
            assertThat(valid(new StationCommand.TriggerMessage(MessageTrigger.TransactionEvent, 1, null, null))
                    .payload().get("evse").get("id").intValue()).isEqualTo(1);
            assertThatThrownBy(() -> adapter.toRequest(new StationCommand.TriggerMessage(
                    MessageTrigger.DiagnosticsStatusNotification, null, null, null)))
                    .isInstanceOf(UnsupportedCommandException.class);
            assertThatThrownBy(() -> adapter.toRequest(new StationCommand.TriggerMessage(
                    MessageTrigger.CustomTrigger, null, null, "Foo"))).isInstanceOf(UnsupportedCommandException.class);
        }

        @Test
        void unknownConnectorTypeIsRefused() {
            assertThat(valid(new StationCommand.ReserveNow(1, NOW, CanonicalSamples.RFID, null, null, "cCCS2"))
                    .payload().get("connectorType").asText()).isEqualTo("cCCS2");
            assertThatThrownBy(() -> adapter.toRequest(new StationCommand.ReserveNow(1, NOW, CanonicalSamples.RFID,
                    null, null, "cNACS"))).isInstanceOf(UnsupportedCommandException.class);
        }

        @Test
        void clearChargingProfileCriteriaAreGrouped() throws Exception {
            assertThat(valid(new StationCommand.ClearChargingProfile(5, null, null, null)).payload())
                    .isEqualTo(json("{\"chargingProfileId\":5}"));
            assertThat(valid(new StationCommand.ClearChargingProfile(null, 1, ChargingProfilePurpose.TxProfile, 0))
                    .payload()).isEqualTo(json("{\"chargingProfileCriteria\":{\"evseId\":1,"
                    + "\"chargingProfilePurpose\":\"TxProfile\",\"stackLevel\":0}}"));
        }

        @Test
        void emptyLocalListLeavesOutTheList() throws Exception {
            assertThat(valid(new StationCommand.SendLocalList(9, dev.csms.ocpp.canonical.UpdateType.Full, List.of()))
                    .payload()).isEqualTo(json("{\"versionNumber\":9,\"updateType\":\"Full\"}"));
        }

        @Test
        void idTokenLongerThanThirtySixIsRefused() {
            assertThatThrownBy(() -> adapter.toRequest(new StationCommand.RequestStartTransaction(1,
                    IdToken.of("x".repeat(37), IdTokenType.Central), null, 1, null)))
                    .isInstanceOf(OcppMappingException.class).hasMessageContaining("36");
        }
    }

    @Nested
    class CommandResponses {

        @Test
        void requestStartNamesTheTransactionAndStatusInfo() throws Exception {
            CommandResponse response = adapter.toCommandResponse("RequestStartTransaction", json("{\"status\":"
                    + "\"Accepted\",\"transactionId\":\"tx-1\",\"statusInfo\":{\"reasonCode\":\"TxStarted\"}}"));

            assertThat(response.accepted()).isTrue();
            assertThat(response.transactionId()).isEqualTo("tx-1");
            assertThat(response.statusInfo().reasonCode()).isEqualTo("TxStarted");
        }

        @Test
        void compositeScheduleIsNormalized() throws Exception {
            CommandResponse response = adapter.toCommandResponse("GetCompositeSchedule", json("{\"status\":"
                    + "\"Accepted\",\"schedule\":{\"evseId\":2,\"duration\":600,\"scheduleStart\":"
                    + "\"2025-03-14T09:00:00Z\",\"chargingRateUnit\":\"W\",\"chargingSchedulePeriod\":"
                    + "[{\"startPeriod\":0,\"limit\":7400,\"phaseToUse\":1}]}}"));

            assertThat(response.compositeSchedule().evseId()).isEqualTo(2);
            assertThat(response.compositeSchedule().scheduleStart()).isEqualTo(NOW);
            assertThat(response.compositeSchedule().periods().get(0).phaseToUse()).isEqualTo(1);
        }

        /** Found by the round trip: Unpublished is UnpublishFirmware's success, it was read as not accepted. */
        @Test
        void unpublishedIsAccepted() throws Exception {
            assertThat(adapter.toCommandResponse("UnpublishFirmware", json("{\"status\":\"Unpublished\"}"))
                    .accepted()).isTrue();
            assertThat(adapter.toCommandResponse("UnpublishFirmware", json("{\"status\":\"NoFirmware\"}"))
                    .accepted()).isFalse();
        }

        @Test
        void getLogNamesTheFile() throws Exception {
            CommandResponse response = adapter.toCommandResponse("GetLog",
                    json("{\"status\":\"Rejected\",\"filename\":\"x.log\"}"));

            assertThat(response.accepted()).isFalse();
            assertThat(response.fileName()).isEqualTo("x.log");
        }
    }
}
