package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StationEvent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the adapters claim to map, written out per version, and what the canonical model does not carry. The
 * round trip test checks these lists against the adapters in both directions (a listed action maps, an unlisted
 * one stays raw) and against the tables of docs/ocpp-protocol.md, section "Round trip coverage".
 */
final class RoundTripCoverage {

    private RoundTripCoverage() {
    }

    // ---------------------------------------------------------------- station requests -> canonical events

    private static final Map<String, Class<? extends StationEvent>> STATION_2X = Map.ofEntries(
            Map.entry("Authorize", StationEvent.Authorize.class),
            Map.entry("BootNotification", StationEvent.BootNotification.class),
            Map.entry("DataTransfer", StationEvent.DataTransfer.class),
            Map.entry("FirmwareStatusNotification", StationEvent.FirmwareStatusNotification.class),
            Map.entry("Heartbeat", StationEvent.Heartbeat.class),
            Map.entry("LogStatusNotification", StationEvent.LogStatusNotification.class),
            Map.entry("MeterValues", StationEvent.MeterValues.class),
            Map.entry("SecurityEventNotification", StationEvent.SecurityEventNotification.class),
            Map.entry("SignCertificate", StationEvent.SignCertificate.class),
            Map.entry("StatusNotification", StationEvent.StatusNotification.class),
            Map.entry("TransactionEvent", StationEvent.TransactionEvent.class));

    /** Station-initiated actions with a canonical event, and that event's type; every other one is raw. */
    static final Map<OcppVersion, Map<String, Class<? extends StationEvent>>> STATION_MAPPED = Map.of(
            OcppVersion.V1_6, Map.ofEntries(
                    Map.entry("Authorize", StationEvent.Authorize.class),
                    Map.entry("BootNotification", StationEvent.BootNotification.class),
                    Map.entry("DataTransfer", StationEvent.DataTransfer.class),
                    Map.entry("DiagnosticsStatusNotification", StationEvent.LogStatusNotification.class),
                    Map.entry("FirmwareStatusNotification", StationEvent.FirmwareStatusNotification.class),
                    Map.entry("Heartbeat", StationEvent.Heartbeat.class),
                    Map.entry("LogStatusNotification", StationEvent.LogStatusNotification.class),
                    // With a transactionId it is a TransactionEvent (Updated): see expectedEventType.
                    Map.entry("MeterValues", StationEvent.MeterValues.class),
                    Map.entry("SecurityEventNotification", StationEvent.SecurityEventNotification.class),
                    Map.entry("SignCertificate", StationEvent.SignCertificate.class),
                    Map.entry("SignedFirmwareStatusNotification", StationEvent.FirmwareStatusNotification.class),
                    Map.entry("StartTransaction", StationEvent.TransactionEvent.class),
                    Map.entry("StatusNotification", StationEvent.StatusNotification.class),
                    Map.entry("StopTransaction", StationEvent.TransactionEvent.class)),
            OcppVersion.V2_0_1, STATION_2X,
            OcppVersion.V2_1, STATION_2X);

    /** The canonical event type a station request must map to. */
    static Class<? extends StationEvent> expectedEventType(OcppVersion version, String action, JsonNode payload) {
        if (version == OcppVersion.V1_6 && action.equals("MeterValues") && payload.hasNonNull("transactionId")) {
            return StationEvent.TransactionEvent.class;
        }
        return STATION_MAPPED.get(version).getOrDefault(action, StationEvent.RawStationMessage.class);
    }

    /**
     * Optional parts of a full station request that the canonical event does not carry (they stay in the
     * StationCall's payload), per version and action. Every 2.x {@code customData} as well, not listed here.
     */
    static final Map<OcppVersion, Map<String, List<String>>> EVENT_DROPS = Map.of(
            // Deprecated by 1.6 itself; read only when chargePointSerialNumber is absent.
            OcppVersion.V1_6, Map.of("BootNotification", List.of("/chargeBoxSerialNumber")),
            OcppVersion.V2_0_1, Map.of(),
            OcppVersion.V2_1, Map.of(
                    "SignCertificate", List.of("/hashRootCertificate"),
                    "TransactionEvent", List.of("/costDetails", "/evseSleep", "/preconditioningStatus",
                            "/transactionInfo/operationMode", "/transactionInfo/tariffId",
                            "/transactionInfo/transactionLimit")));

    static List<String> eventDrops(OcppVersion version, String action) {
        return EVENT_DROPS.get(version).getOrDefault(action, List.of());
    }

    // ---------------------------------------------------------------- CSMS requests -> canonical commands

    private static final Map<String, Class<? extends StationCommand>> COMMANDS_2X = Map.ofEntries(
            Map.entry("CancelReservation", StationCommand.CancelReservation.class),
            Map.entry("ChangeAvailability", StationCommand.ChangeAvailability.class),
            Map.entry("ClearCache", StationCommand.ClearCache.class),
            Map.entry("ClearChargingProfile", StationCommand.ClearChargingProfile.class),
            Map.entry("DataTransfer", StationCommand.DataTransfer.class),
            Map.entry("GetCompositeSchedule", StationCommand.GetCompositeSchedule.class),
            Map.entry("GetLog", StationCommand.GetLog.class),
            Map.entry("RequestStartTransaction", StationCommand.RequestStartTransaction.class),
            Map.entry("RequestStopTransaction", StationCommand.RequestStopTransaction.class),
            Map.entry("ReserveNow", StationCommand.ReserveNow.class),
            Map.entry("Reset", StationCommand.Reset.class),
            Map.entry("SendLocalList", StationCommand.SendLocalList.class),
            Map.entry("SetChargingProfile", StationCommand.SetChargingProfile.class),
            Map.entry("TriggerMessage", StationCommand.TriggerMessage.class),
            Map.entry("UnlockConnector", StationCommand.UnlockConnector.class),
            Map.entry("UpdateFirmware", StationCommand.UpdateFirmware.class));

    /** CSMS-initiated actions with a canonical command, and that command's type; every other one is raw. */
    static final Map<OcppVersion, Map<String, Class<? extends StationCommand>>> COMMAND_MAPPED = Map.of(
            OcppVersion.V1_6, Map.ofEntries(
                    Map.entry("CancelReservation", StationCommand.CancelReservation.class),
                    Map.entry("ChangeAvailability", StationCommand.ChangeAvailability.class),
                    Map.entry("ClearCache", StationCommand.ClearCache.class),
                    Map.entry("ClearChargingProfile", StationCommand.ClearChargingProfile.class),
                    Map.entry("DataTransfer", StationCommand.DataTransfer.class),
                    // Only for the triggers the core TriggerMessage lacks: see expectedCommandType.
                    Map.entry("ExtendedTriggerMessage", StationCommand.TriggerMessage.class),
                    Map.entry("GetCompositeSchedule", StationCommand.GetCompositeSchedule.class),
                    Map.entry("GetDiagnostics", StationCommand.GetLog.class),
                    // Only for the security log: see expectedCommandType.
                    Map.entry("GetLog", StationCommand.GetLog.class),
                    Map.entry("RemoteStartTransaction", StationCommand.RequestStartTransaction.class),
                    Map.entry("RemoteStopTransaction", StationCommand.RequestStopTransaction.class),
                    Map.entry("ReserveNow", StationCommand.ReserveNow.class),
                    Map.entry("Reset", StationCommand.Reset.class),
                    Map.entry("SendLocalList", StationCommand.SendLocalList.class),
                    Map.entry("SetChargingProfile", StationCommand.SetChargingProfile.class),
                    Map.entry("SignedUpdateFirmware", StationCommand.UpdateFirmware.class),
                    Map.entry("TriggerMessage", StationCommand.TriggerMessage.class),
                    Map.entry("UnlockConnector", StationCommand.UnlockConnector.class),
                    Map.entry("UpdateFirmware", StationCommand.UpdateFirmware.class)),
            OcppVersion.V2_0_1, COMMANDS_2X,
            OcppVersion.V2_1, COMMANDS_2X);

    /** 1.6 ExtendedTriggerMessage triggers that have a canonical command sent as ExtendedTriggerMessage. */
    static final Set<String> EXTENDED_ONLY_TRIGGERS = Set.of("LogStatusNotification", "SignChargePointCertificate");

    /** The canonical command type a CSMS request must map to. */
    static Class<? extends StationCommand> expectedCommandType(OcppVersion version, String action, JsonNode payload) {
        if (version == OcppVersion.V1_6 && action.equals("ExtendedTriggerMessage")
                && !EXTENDED_ONLY_TRIGGERS.contains(payload.path("requestedMessage").asText())) {
            return StationCommand.RawCommand.class;
        }
        if (version == OcppVersion.V1_6 && action.equals("GetLog")
                && payload.path("logType").asText().equals("DiagnosticsLog")) {
            return StationCommand.RawCommand.class;
        }
        return COMMAND_MAPPED.get(version).getOrDefault(action, StationCommand.RawCommand.class);
    }

    // ---------------------------------------------------------------- what the canonical commands do not carry

    /** ChargingProfileType fields outside the canonical {@code ChargingProfile}. */
    static final List<String> PROFILE_FIELDS_2_0_1 = List.of("chargingSchedule/*/salesTariff");

    /** What 2.1 added to ChargingProfileType, ChargingScheduleType and ChargingSchedulePeriodType. */
    static final List<String> PROFILE_FIELDS_2_1 = List.of(
            "maxOfflineDuration", "invalidAfterOfflineDuration", "dynUpdateInterval", "dynUpdateTime",
            "priceScheduleSignature",
            "chargingSchedule/*/limitAtSoC", "chargingSchedule/*/powerTolerance", "chargingSchedule/*/signatureId",
            "chargingSchedule/*/digestValue", "chargingSchedule/*/useLocalTime", "chargingSchedule/*/randomizedDelay",
            "chargingSchedule/*/absolutePriceSchedule", "chargingSchedule/*/priceLevelSchedule",
            "chargingSchedule/*/chargingSchedulePeriod/*/limit_L2",
            "chargingSchedule/*/chargingSchedulePeriod/*/limit_L3",
            "chargingSchedule/*/chargingSchedulePeriod/*/dischargeLimit",
            "chargingSchedule/*/chargingSchedulePeriod/*/dischargeLimit_L2",
            "chargingSchedule/*/chargingSchedulePeriod/*/dischargeLimit_L3",
            "chargingSchedule/*/chargingSchedulePeriod/*/setpoint",
            "chargingSchedule/*/chargingSchedulePeriod/*/setpoint_L2",
            "chargingSchedule/*/chargingSchedulePeriod/*/setpoint_L3",
            "chargingSchedule/*/chargingSchedulePeriod/*/setpointReactive",
            "chargingSchedule/*/chargingSchedulePeriod/*/setpointReactive_L2",
            "chargingSchedule/*/chargingSchedulePeriod/*/setpointReactive_L3",
            "chargingSchedule/*/chargingSchedulePeriod/*/preconditioningRequest",
            "chargingSchedule/*/chargingSchedulePeriod/*/evseSleep",
            "chargingSchedule/*/chargingSchedulePeriod/*/v2xBaseline",
            "chargingSchedule/*/chargingSchedulePeriod/*/operationMode",
            "chargingSchedule/*/chargingSchedulePeriod/*/v2xFreqWattCurve",
            "chargingSchedule/*/chargingSchedulePeriod/*/v2xSignalWattCurve");

    /**
     * Paths of a full request sample that do not survive {@code toRequest(toCommand(request))}, per version and
     * action (array elements as {@code *}). Every 2.x {@code customData} is left out as well and not listed here.
     */
    static final Map<OcppVersion, Map<String, List<String>>> COMMAND_DROPS = Map.of(
            OcppVersion.V1_6, Map.of(),
            OcppVersion.V2_0_1, Map.of(
                    "RequestStartTransaction", profileDrops(OcppVersion.V2_0_1),
                    "SetChargingProfile", profileDrops(OcppVersion.V2_0_1)),
            OcppVersion.V2_1, Map.of(
                    "RequestStartTransaction", profileDrops(OcppVersion.V2_1),
                    "SetChargingProfile", profileDrops(OcppVersion.V2_1)));

    private static List<String> profileDrops(OcppVersion version) {
        List<String> fields = new ArrayList<>(PROFILE_FIELDS_2_0_1);
        if (version == OcppVersion.V2_1) {
            fields.addAll(PROFILE_FIELDS_2_1);
        }
        return fields.stream().map(field -> "-/chargingProfile/" + field).toList();
    }

    static List<String> commandDrops(OcppVersion version, String action) {
        return COMMAND_DROPS.get(version).getOrDefault(action, List.of());
    }
}
