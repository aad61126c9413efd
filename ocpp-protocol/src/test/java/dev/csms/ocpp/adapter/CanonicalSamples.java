package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.csms.ocpp.canonical.AuthorizationData;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.AuthorizeCertificateStatus;
import dev.csms.ocpp.canonical.ChargingProfile;
import dev.csms.ocpp.canonical.ChargingProfileKind;
import dev.csms.ocpp.canonical.ChargingProfilePurpose;
import dev.csms.ocpp.canonical.ChargingRateUnit;
import dev.csms.ocpp.canonical.ChargingSchedule;
import dev.csms.ocpp.canonical.ChargingSchedulePeriod;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.DataTransferStatus;
import dev.csms.ocpp.canonical.GenericStatus;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenInfo;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.ocpp.canonical.LogType;
import dev.csms.ocpp.canonical.MessageContent;
import dev.csms.ocpp.canonical.MessageFormat;
import dev.csms.ocpp.canonical.MessageTrigger;
import dev.csms.ocpp.canonical.OperationalStatus;
import dev.csms.ocpp.canonical.RegistrationStatus;
import dev.csms.ocpp.canonical.ResetType;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StatusInfo;
import dev.csms.ocpp.canonical.UpdateType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Canonical answers and commands that every version can express, as services would send them. */
final class CanonicalSamples {

    static final Instant T = Instant.parse("2025-03-14T09:00:00Z");
    static final IdToken RFID = IdToken.of("04A2B3C4D5E6F7", IdTokenType.ISO14443);

    static final IdTokenInfo RICH_INFO = new IdTokenInfo(AuthorizationStatus.Accepted,
            Instant.parse("2025-12-31T23:59:59Z"), IdToken.of("FLEET-7", IdTokenType.Central), 2, List.of(1, 2),
            "en", "de", new MessageContent(MessageFormat.UTF8, "en", "Welcome back"));

    private CanonicalSamples() {
    }

    static ChargingProfile txProfile() {
        return new ChargingProfile(11, 0, ChargingProfilePurpose.TxProfile, ChargingProfileKind.Relative, null, null,
                null, null, List.of(new ChargingSchedule(1, null, 7200, ChargingRateUnit.A,
                List.of(new ChargingSchedulePeriod(0, new BigDecimal("16.0"), 3, null),
                        new ChargingSchedulePeriod(3600, new BigDecimal("10.25"), 1, null)), new BigDecimal("6"))));
    }

    static ChargingProfile stationMaxProfile() {
        return new ChargingProfile(12, 1, ChargingProfilePurpose.ChargingStationMaxProfile,
                ChargingProfileKind.Absolute, null, T, Instant.parse("2026-03-14T09:00:00Z"), null,
                List.of(new ChargingSchedule(2, T, 86400, ChargingRateUnit.W,
                        List.of(new ChargingSchedulePeriod(0, new BigDecimal("22000"), null, null),
                                new ChargingSchedulePeriod(28800, new BigDecimal("11000.55"), null, null)), null)));
    }

    /** One command of every canonical variant but RawCommand, with values every version has. */
    static List<StationCommand> commands() {
        return List.of(
                new StationCommand.RequestStartTransaction(1, RFID, null, 77, txProfile()),
                new StationCommand.RequestStopTransaction("4711"),
                new StationCommand.Reset(ResetType.Immediate, null),
                new StationCommand.UnlockConnector(2, 1),
                new StationCommand.ChangeAvailability(2, null, OperationalStatus.Inoperative),
                new StationCommand.TriggerMessage(MessageTrigger.StatusNotification, 1, null, null),
                new StationCommand.UpdateFirmware(17, "https://fw.example.com/abb-1.7.0.bin", T, null, null, null, 3,
                        60),
                new StationCommand.GetLog(6, LogType.DiagnosticsLog, "https://logs.example.com/upload", T,
                        Instant.parse("2025-03-14T10:00:00Z"), 2, 30),
                new StationCommand.ReserveNow(42, Instant.parse("2025-03-14T10:00:00Z"), RFID,
                        IdToken.of("FLEET-7", IdTokenType.Central), 1, null),
                new StationCommand.CancelReservation(42),
                new StationCommand.SendLocalList(3, UpdateType.Differential, List.of(
                        new AuthorizationData(RFID, RICH_INFO),
                        new AuthorizationData(IdToken.of("0455AA66BB", IdTokenType.ISO14443), null))),
                new StationCommand.ClearCache(),
                new StationCommand.SetChargingProfile(0, stationMaxProfile()),
                new StationCommand.ClearChargingProfile(null, 1, ChargingProfilePurpose.TxDefaultProfile, null),
                new StationCommand.GetCompositeSchedule(1, 3600, ChargingRateUnit.W),
                new StationCommand.DataTransfer("com.example", "Price", TextNode.valueOf("{\"eurPerKWh\":0.39}")));
    }

    /** The answer a service gives to an action that needs a decision. */
    static CsmsAnswer decision(String action) {
        return switch (action) {
            case "BootNotification" -> new CsmsAnswer.BootNotificationAnswer(RegistrationStatus.Accepted, 300, null,
                    new StatusInfo("Welcome", null));
            case "Authorize" -> new CsmsAnswer.AuthorizeAnswer(RICH_INFO, AuthorizeCertificateStatus.Accepted);
            case "StartTransaction", "StopTransaction", "TransactionEvent", "MeterValues" ->
                    new CsmsAnswer.TransactionEventAnswer(4711, RICH_INFO, new BigDecimal("12.34"), 1,
                            new MessageContent(MessageFormat.ASCII, null, "12.34 EUR so far"));
            case "DataTransfer" -> new CsmsAnswer.DataTransferAnswer(DataTransferStatus.Accepted,
                    TextNode.valueOf("ok"), null);
            case "SignCertificate" -> new CsmsAnswer.SignCertificateAnswer(GenericStatus.Accepted, null);
            case "Get15118EVCertificate" -> {
                ObjectNode payload = JsonNodeFactory.instance.objectNode();
                payload.put("status", "Accepted");
                payload.put("exiResponse", "gAAABAAE");
                yield new CsmsAnswer.RawAnswer(payload);
            }
            default -> throw new IllegalArgumentException("no sample decision for " + action);
        };
    }
}
