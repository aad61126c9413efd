package dev.csms.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.csms.events.credentials.StationCredentials;
import dev.csms.events.device.FirmwareCampaignProgress;
import dev.csms.events.device.AlertCleared;
import dev.csms.events.device.AlertRaised;
import dev.csms.events.device.AlertSeverity;
import dev.csms.events.device.DataTransferReceived;
import dev.csms.events.device.StationChanged;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.CallError;
import dev.csms.events.ocpp.Command;
import dev.csms.events.ocpp.CommandOutcome;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.events.ocpp.DisconnectReason;
import dev.csms.events.ocpp.Presence;
import dev.csms.events.ocpp.StationCall;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.events.ocpp.StationDisconnected;
import dev.csms.events.sessions.MeterAnomaly;
import dev.csms.events.sessions.ReservationChanged;
import dev.csms.events.sessions.ReservationStatus;
import dev.csms.events.sessions.SessionEnd;
import dev.csms.events.sessions.SessionEnded;
import dev.csms.events.sessions.SessionStarted;
import dev.csms.events.sessions.SessionStatus;
import dev.csms.events.sessions.SessionUpdated;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.AuthorizationData;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.AuthorizeCertificateStatus;
import dev.csms.ocpp.canonical.BootReason;
import dev.csms.ocpp.canonical.CertificateSigningUse;
import dev.csms.ocpp.canonical.ChargingProfile;
import dev.csms.ocpp.canonical.ChargingProfileKind;
import dev.csms.ocpp.canonical.ChargingProfilePurpose;
import dev.csms.ocpp.canonical.ChargingRateUnit;
import dev.csms.ocpp.canonical.ChargingSchedule;
import dev.csms.ocpp.canonical.ChargingSchedulePeriod;
import dev.csms.ocpp.canonical.ChargingState;
import dev.csms.ocpp.canonical.ChargingStationInfo;
import dev.csms.ocpp.canonical.CommandResponse;
import dev.csms.ocpp.canonical.CompositeSchedule;
import dev.csms.ocpp.canonical.ConnectorStatus;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.DataTransferStatus;
import dev.csms.ocpp.canonical.FirmwareStatus;
import dev.csms.ocpp.canonical.GenericStatus;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenInfo;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.ocpp.canonical.Location;
import dev.csms.ocpp.canonical.LogType;
import dev.csms.ocpp.canonical.Measurand;
import dev.csms.ocpp.canonical.MessageContent;
import dev.csms.ocpp.canonical.MessageFormat;
import dev.csms.ocpp.canonical.MessageTrigger;
import dev.csms.ocpp.canonical.MeterValue;
import dev.csms.ocpp.canonical.OcspRequestData;
import dev.csms.ocpp.canonical.OperationalStatus;
import dev.csms.ocpp.canonical.Phase;
import dev.csms.ocpp.canonical.ReadingContext;
import dev.csms.ocpp.canonical.RecurrencyKind;
import dev.csms.ocpp.canonical.RegistrationStatus;
import dev.csms.ocpp.canonical.ResetType;
import dev.csms.ocpp.canonical.SampledValue;
import dev.csms.ocpp.canonical.SignedMeterValue;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StationEvent;
import dev.csms.ocpp.canonical.StatusInfo;
import dev.csms.ocpp.canonical.StoppedReason;
import dev.csms.ocpp.canonical.TransactionEventType;
import dev.csms.ocpp.canonical.TriggerReason;
import dev.csms.ocpp.canonical.UpdateType;
import dev.csms.ocpp.canonical.UploadLogStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Real instances of every event type the platform emits, with every canonical variant inside, fields filled so
 * that the schemas are exercised. Tests check that these cover {@link EventTypes#ALL} and every permitted variant.
 */
public final class EventSamples {

    static final Instant T = Instant.parse("2025-03-14T09:31:12.250Z");
    static final String STATION = "CP-0042";
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final IdToken RFID = new IdToken("04A2B3C4D5E6F7", IdTokenType.ISO14443,
            List.of(new IdToken.AdditionalInfo("C12345678", "ContractNumber")));
    private static final IdTokenInfo INFO = new IdTokenInfo(AuthorizationStatus.Accepted,
            Instant.parse("2025-12-31T23:59:59Z"), IdToken.of("FLEET-7", IdTokenType.Central), 2, List.of(1, 2), "en",
            "de", new MessageContent(MessageFormat.UTF8, "en", "Welcome back"));

    private EventSamples() {
    }

    private static ObjectNode object(String field, String value) {
        return NODES.objectNode().put(field, value);
    }

    static List<MeterValue> meterValues() {
        return List.of(new MeterValue(T, List.of(
                new SampledValue(new BigDecimal("12345.6"), Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, "Wh", null,
                        Location.Outlet, ReadingContext.SAMPLE_PERIODIC, null),
                new SampledValue(new BigDecimal("16.2"), Measurand.CURRENT_IMPORT, "A", Phase.L1_N, Location.EV,
                        ReadingContext.TRANSACTION_BEGIN, new SignedMeterValue("T0NNRnx7fQ==", "ECDSA", "OCMF", "MFkw")),
                new SampledValue(null, Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, "Wh", null, Location.Outlet,
                        ReadingContext.SAMPLE_CLOCK, new SignedMeterValue("<signed/>", null, null, null)))));
    }

    static ChargingProfile profile() {
        return new ChargingProfile(11, 0, ChargingProfilePurpose.TxProfile, ChargingProfileKind.Recurring,
                RecurrencyKind.Daily, T, Instant.parse("2026-01-01T00:00:00Z"), "4711", List.of(
                new ChargingSchedule(1, T, 7200, ChargingRateUnit.A, List.of(
                        new ChargingSchedulePeriod(0, new BigDecimal("16.0"), 3, null),
                        new ChargingSchedulePeriod(3600, new BigDecimal("10"), 1, 2)), new BigDecimal("6"))));
    }

    /** One of every canonical station event. */
    public static List<StationEvent> stationEvents() {
        return List.of(
                new StationEvent.BootNotification(BootReason.PowerUp, new ChargingStationInfo("ABB", "Terra AC",
                        "TACW2242321G0123", "1.6.8", new ChargingStationInfo.Modem("8944500102198304826", null),
                        "ABB B23", "7012345")),
                new StationEvent.Heartbeat(),
                new StationEvent.StatusNotification(T, 1, 1, ConnectorStatus.Occupied, "Charging", "NoError", "info",
                        "com.abb", "E1"),
                new StationEvent.MeterValues(0, meterValues()),
                new StationEvent.Authorize(RFID, "-----BEGIN CERTIFICATE-----", List.of(new OcspRequestData("SHA256",
                        "8f1b", "9a7d", "0102", "http://ocsp.example.com"))),
                new StationEvent.TransactionEvent(TransactionEventType.Ended, "4711", Long.MAX_VALUE, T,
                        TriggerReason.RemoteStop, RFID, 1, 1, meterValues(), 1234567L, 1264567L,
                        StoppedReason.Remote, ChargingState.Idle, true, 42, 7, 3, 32, 5400),
                new StationEvent.FirmwareStatusNotification(FirmwareStatus.Installed, 17,
                        new StatusInfo("Done", "rebooted")),
                new StationEvent.LogStatusNotification(UploadLogStatus.Uploaded, 6, null),
                new StationEvent.SecurityEventNotification("TamperDetectionActivated", T, "housing opened"),
                new StationEvent.DataTransfer("com.alpitronic", "Stats", NODES.objectNode().put("peakPowerW", 150000)),
                new StationEvent.SignCertificate("-----BEGIN CERTIFICATE REQUEST-----",
                        CertificateSigningUse.ChargingStationCertificate, 12),
                new StationEvent.RawStationMessage("NotifyReport", object("generatedAt", "2025-03-14T09:00:00Z"),
                        false));
    }

    /** One of every canonical answer. */
    public static List<CsmsAnswer> answers() {
        return List.of(
                new CsmsAnswer.BootNotificationAnswer(RegistrationStatus.Accepted, 300, T, new StatusInfo("Ok", null)),
                new CsmsAnswer.AuthorizeAnswer(INFO, AuthorizeCertificateStatus.Accepted),
                new CsmsAnswer.TransactionEventAnswer(4711, INFO, new BigDecimal("12.34"), 1,
                        new MessageContent(MessageFormat.ASCII, null, "12.34 EUR")),
                new CsmsAnswer.DataTransferAnswer(DataTransferStatus.Accepted, TextNode.valueOf("ok"),
                        new StatusInfo("Ok", "fine")),
                new CsmsAnswer.SignCertificateAnswer(GenericStatus.Rejected, null),
                new CsmsAnswer.EmptyAnswer(),
                new CsmsAnswer.RawAnswer(object("status", "Accepted")));
    }

    /** One of every canonical command. */
    public static List<StationCommand> commands() {
        return List.of(
                new StationCommand.RequestStartTransaction(1, RFID, IdToken.of("FLEET-7", IdTokenType.Central), 77,
                        profile()),
                new StationCommand.RequestStopTransaction("4711"),
                new StationCommand.Reset(ResetType.OnIdle, 1),
                new StationCommand.UnlockConnector(1, 1),
                new StationCommand.ChangeAvailability(1, 1, OperationalStatus.Inoperative),
                new StationCommand.TriggerMessage(MessageTrigger.CustomTrigger, 1, 1, "Diagnostics"),
                new StationCommand.UpdateFirmware(17, "https://fw.example.com/f.bin", T, T, "-----BEGIN CERT",
                        "MEUCIQ==", 3, 60),
                new StationCommand.GetLog(6, LogType.SecurityLog, "https://logs.example.com/", T, T, 2, 30),
                new StationCommand.ReserveNow(42, T, RFID, new IdToken("X-1", IdTokenType.Other, List.of(),
                        "FleetCard"), 1, "cCCS2"),
                new StationCommand.CancelReservation(42),
                new StationCommand.SendLocalList(3, UpdateType.Full, List.of(new AuthorizationData(RFID, INFO),
                        new AuthorizationData(IdToken.ofIdTag("0455AA66BB"), null))),
                new StationCommand.ClearCache(),
                new StationCommand.SetChargingProfile(1, profile()),
                new StationCommand.ClearChargingProfile(11, 1, ChargingProfilePurpose.TxProfile, 0),
                new StationCommand.GetCompositeSchedule(1, 3600, ChargingRateUnit.W),
                new StationCommand.DataTransfer("com.example", "Price", NODES.objectNode().put("eurPerKWh", new BigDecimal("0.39"))),
                new StationCommand.RawCommand("ChangeConfiguration",
                        object("key", "HeartbeatInterval").put("value", "300")));
    }

    static CallError callError() {
        return new CallError("NotSupported", "unknown vendor", object("vendorId", "com.example"));
    }

    static CommandResponse response() {
        return new CommandResponse(true, "Accepted", new StatusInfo("Ok", null), "tx-1", "diag.zip",
                TextNode.valueOf("42"), new CompositeSchedule(1, 3600, T, ChargingRateUnit.W,
                List.of(new ChargingSchedulePeriod(0, new BigDecimal("7400"), 1, 1),
                        new ChargingSchedulePeriod(1800, null, null, null))),
                object("status", "Accepted"));
    }

    /** Samples of every event type, keyed by type. */
    public static Map<EventType<?>, List<?>> all() {
        Map<EventType<?>, List<?>> samples = new LinkedHashMap<>();
        samples.put(EventTypes.STATION_CALL, stationEvents().stream().map(e -> new StationCall(STATION, "gw-1", 3,
                OcppVersion.V2_0_1, "19223201", "Action", object("any", "payload"), e, T,
                e.requiresDecision() ? T.plusSeconds(20) : null)).toList());
        samples.put(EventTypes.STATION_CONNECTED, List.of(
                new StationConnected(STATION, "gw-1", 3, OcppVersion.V1_6, 2, "203.0.113.7:51234", T),
                new StationConnected(STATION, "gw-1", 4, OcppVersion.V2_1, 3, null, T)));
        samples.put(EventTypes.STATION_DISCONNECTED, Stream.of(DisconnectReason.values())
                .map(r -> new StationDisconnected(STATION, "gw-1", 3, r, r == DisconnectReason.Other ? null : 1000,
                        r.name(), T)).toList());
        samples.put(EventTypes.COMMAND_RESULT, Stream.of(CommandOutcome.values()).map(o -> new CommandResult(
                "0b7e6c1a-3f57-4c44-9a53-1f3e2a6d9e10", STATION, o, o == CommandOutcome.StationOffline ? null : "Reset",
                o == CommandOutcome.StationOffline ? null : OcppVersion.V2_0_1,
                o == CommandOutcome.Answered ? response() : null,
                o == CommandOutcome.Answered || o == CommandOutcome.CallError ? object("status", "Accepted") : null,
                o == CommandOutcome.CallError ? callError() : null,
                o == CommandOutcome.Answered ? null : "detail of " + o, T)).toList());
        List<CallAnswer> answers = new java.util.ArrayList<>(answers().stream()
                .map(a -> new CallAnswer(STATION, "5f0c2d8e-call", "19223201", a, null)).toList());
        answers.add(new CallAnswer(STATION, "5f0c2d8e-call", "19223201", null, callError()));
        samples.put(EventTypes.CALL_ANSWER, answers);
        samples.put(EventTypes.COMMAND, commands().stream().map(c -> new Command("0b7e6c1a-cmd", STATION,
                T.plusSeconds(60), "session-service", c, T)).toList());
        samples.put(EventTypes.PRESENCE, List.of(new Presence(STATION, "gw-1", 3, OcppVersion.V2_0_1, 2, T)));
        samples.put(EventTypes.STATION_CREDENTIALS, List.of(
                new StationCredentials(STATION, "$pbkdf2-sha256$i=210000$c2FsdA$A5Si7eMyyaE", 2, true,
                        Set.of(OcppVersion.V1_6, OcppVersion.V2_0_1), RegistrationStatus.Accepted, T),
                new StationCredentials(STATION, null, 3, false, Set.of(OcppVersion.V2_1), RegistrationStatus.Pending,
                        T)));
        samples.put(EventTypes.STATION_CHANGED, List.of(
                new StationChanged(STATION, StationChanged.StationChange.Booted, "site-7", 2, true,
                        RegistrationStatus.Accepted, Set.of(OcppVersion.V1_6, OcppVersion.V2_0_1), "ACME", "Wallbox 22",
                        "1.4.2", T),
                new StationChanged(STATION, StationChanged.StationChange.AutoRegistered, null, 1, true,
                        RegistrationStatus.Pending, Set.of(), null, null, null, T)));
        samples.put(EventTypes.ALERT_RAISED, List.of(
                new AlertRaised("5f0c2a3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b", STATION, "ConnectorFaulted",
                        "evse/1/connector/1", AlertSeverity.Warning, "EVSE 1 connector 1 is Faulted (GroundFailure)", T),
                new AlertRaised("5f0c2a3e-1b4d-4e6f-8a9b-0c1d2e3f4a5c", STATION, "SecurityEvent", "FirmwareTampered",
                        AlertSeverity.Critical, "security event FirmwareTampered", T)));
        samples.put(EventTypes.ALERT_CLEARED, List.of(new AlertCleared("5f0c2a3e-1b4d-4e6f-8a9b-0c1d2e3f4a5b", STATION,
                "ConnectorFaulted", "evse/1/connector/1", "now Available", T, T.plusSeconds(60))));
        samples.put(EventTypes.DATA_TRANSFER_RECEIVED, List.of(
                new DataTransferReceived(STATION, "5f0c2d8e-call", OcppVersion.V2_0_1, "com.acme", "Temperature",
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("celsius", 21),
                        T),
                new DataTransferReceived(STATION, "5f0c2d8e-call", OcppVersion.V1_6, "com.acme", null, null, T)));
        IdToken fleet = IdToken.of("FLEET-7", IdTokenType.Central);
        samples.put(EventTypes.SESSION_STARTED, List.of(
                new SessionStarted("8d0f1c52-6b1e-4d0b-9a2e-5c3f7e9a1b20", STATION, "1042", OcppVersion.V1_6, 1, 1,
                        IdToken.ofIdTag("04A2B3C4"), fleet, AuthorizationStatus.Accepted, T, new BigDecimal("12840"),
                        null, 17, 1),
                new SessionStarted("8d0f1c52-6b1e-4d0b-9a2e-5c3f7e9a1b21", STATION, "tx-7f3a", OcppVersion.V2_0_1,
                        null, null, null, null, null, T, null, 4711, null, 1)));
        samples.put(EventTypes.SESSION_UPDATED, Stream.of(SessionStatus.Active, SessionStatus.Stale).map(status ->
                new SessionUpdated("8d0f1c52-6b1e-4d0b-9a2e-5c3f7e9a1b20", STATION, "1042", status, 1, 1, RFID, T,
                        status == SessionStatus.Active ? ChargingState.Charging : null, new BigDecimal("3150.5"),
                        new BigDecimal("12840"), new BigDecimal("15990.5"), List.of(MeterAnomaly.values()),
                        T.plusSeconds(600), 4)).toList());
        samples.put(EventTypes.SESSION_ENDED, Stream.of(SessionEnd.values()).map(end ->
                new SessionEnded("8d0f1c52-6b1e-4d0b-9a2e-5c3f7e9a1b20", STATION, "1042", 1, 1, RFID, fleet,
                        end == SessionEnd.Station ? T : null, T.plusSeconds(3600), end,
                        end == SessionEnd.Station ? StoppedReason.EVDisconnected : null, new BigDecimal("0"),
                        end == SessionEnd.Station ? new BigDecimal("12840") : null,
                        end == SessionEnd.Station ? new BigDecimal("12840") : null,
                        end == SessionEnd.Station ? List.of() : List.of(MeterAnomaly.MeterReset),
                        end != SessionEnd.Station, 9)).toList());
        samples.put(EventTypes.FIRMWARE_CAMPAIGN_PROGRESS, List.of(
                new FirmwareCampaignProgress("5b7c1a9e-3f1d-4c2a-8e6b-9d0f1a2b3c4d", "acme 2.0 rollout",
                        FirmwareCampaignProgress.CampaignStatus.Running, 10, 6, 2, 1, 1, 0, STATION,
                        FirmwareCampaignProgress.CampaignStationState.Failed, "station answered Rejected", T),
                new FirmwareCampaignProgress("5b7c1a9e-3f1d-4c2a-8e6b-9d0f1a2b3c4d", null,
                        FirmwareCampaignProgress.CampaignStatus.Aborted, 10, 0, 0, 1, 5, 4, null, null,
                        "5 of 6 finished stations failed", T)));
        samples.put(EventTypes.RESERVATION_CHANGED, Stream.of(ReservationStatus.values()).map(status ->
                new ReservationChanged(17, STATION, status == ReservationStatus.Requested ? null : 1, RFID,
                        status == ReservationStatus.Active ? fleet : null, T.plusSeconds(1800), status,
                        status == ReservationStatus.Rejected ? "Occupied" : null,
                        status == ReservationStatus.Used ? "8d0f1c52-6b1e-4d0b-9a2e-5c3f7e9a1b20" : null, T,
                        status.ordinal() + 1)).toList());
        return samples;
    }

    /** A JSON node, for samples of raw payloads. */
    static JsonNode node(String field, String value) {
        return object(field, value);
    }
}
