package dev.csms.ocpp.schema;

import dev.csms.ocpp.OcppVersion;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The catalog of every action per {@link OcppVersion}, derived from the official schema files that ship with
 * this library: an action exists exactly when its request schema does. Who initiates each action comes from
 * the message lists of the specifications (OCPP 1.6 section 3 "Feature Profiles" and the "Improved security
 * for OCPP 1.6-J" white paper; OCPP 2.0.1 / 2.1 part 2 "Messages"). Loading fails if a schema has no
 * initiator listed here or a listed action has no schema, so the two cannot drift apart.
 *
 * <p>Immutable and thread-safe; {@link #catalog()} is loaded once.
 */
public final class OcppActions {

    private static final Set<String> DATA_TRANSFER = Set.of("DataTransfer");

    // 1.6: OCPP 1.6 "Feature Profiles" tables plus the security white paper's messages.
    private static final Set<String> V16_STATION = Set.of(
            "Authorize", "BootNotification", "DiagnosticsStatusNotification", "FirmwareStatusNotification",
            "Heartbeat", "MeterValues", "StartTransaction", "StatusNotification", "StopTransaction",
            "LogStatusNotification", "SecurityEventNotification", "SignCertificate",
            "SignedFirmwareStatusNotification");
    private static final Set<String> V16_CSMS = Set.of(
            "CancelReservation", "ChangeAvailability", "ChangeConfiguration", "ClearCache", "ClearChargingProfile",
            "GetCompositeSchedule", "GetConfiguration", "GetDiagnostics", "GetLocalListVersion",
            "RemoteStartTransaction", "RemoteStopTransaction", "ReserveNow", "Reset", "SendLocalList",
            "SetChargingProfile", "TriggerMessage", "UnlockConnector", "UpdateFirmware",
            "CertificateSigned", "DeleteCertificate", "ExtendedTriggerMessage", "GetInstalledCertificateIds",
            "GetLog", "InstallCertificate", "SignedUpdateFirmware");

    // 2.0.1: part 2 messages. A local controller counts as a station (PublishFirmwareStatusNotification).
    private static final Set<String> V201_STATION = Set.of(
            "Authorize", "BootNotification", "ClearedChargingLimit", "FirmwareStatusNotification",
            "Get15118EVCertificate", "GetCertificateStatus", "Heartbeat", "LogStatusNotification", "MeterValues",
            "NotifyChargingLimit", "NotifyCustomerInformation", "NotifyDisplayMessages", "NotifyEVChargingNeeds",
            "NotifyEVChargingSchedule", "NotifyEvent", "NotifyMonitoringReport", "NotifyReport",
            "PublishFirmwareStatusNotification", "ReportChargingProfiles", "ReservationStatusUpdate",
            "SecurityEventNotification", "SignCertificate", "StatusNotification", "TransactionEvent");
    private static final Set<String> V201_CSMS = Set.of(
            "CancelReservation", "CertificateSigned", "ChangeAvailability", "ClearCache", "ClearChargingProfile",
            "ClearDisplayMessage", "ClearVariableMonitoring", "CostUpdated", "CustomerInformation",
            "DeleteCertificate", "GetBaseReport", "GetChargingProfiles", "GetCompositeSchedule",
            "GetDisplayMessages", "GetInstalledCertificateIds", "GetLocalListVersion", "GetLog",
            "GetMonitoringReport", "GetReport", "GetTransactionStatus", "GetVariables", "InstallCertificate",
            "PublishFirmware", "RequestStartTransaction", "RequestStopTransaction", "ReserveNow", "Reset",
            "SendLocalList", "SetChargingProfile", "SetDisplayMessage", "SetMonitoringBase", "SetMonitoringLevel",
            "SetNetworkProfile", "SetVariableMonitoring", "SetVariables", "TriggerMessage", "UnlockConnector",
            "UnpublishFirmware", "UpdateFirmware");

    // 2.1: everything of 2.0.1 plus the new messages of 2.1 part 2.
    private static final Set<String> V21_STATION = union(V201_STATION, Set.of(
            "BatterySwap", "ClosePeriodicEventStream", "GetCertificateChainStatus", "NotifyDERAlarm",
            "NotifyDERStartStop", "NotifyPeriodicEventStream", "NotifyPriorityCharging", "NotifySettlement",
            "OpenPeriodicEventStream", "PullDynamicScheduleUpdate", "ReportDERControl", "VatNumberValidation"));
    private static final Set<String> V21_CSMS = union(V201_CSMS, Set.of(
            "AFRRSignal", "AdjustPeriodicEventStream", "ChangeTransactionTariff", "ClearDERControl", "ClearTariffs",
            "GetDERControl", "GetPeriodicEventStream", "GetTariffs", "NotifyAllowedEnergyTransfer",
            "NotifyWebPaymentStarted", "RequestBatterySwap", "SetDERControl", "SetDefaultTariff",
            "UpdateDynamicSchedule", "UsePriorityCharging"));

    private static final class Holder {
        static final OcppActions CATALOG = load();
    }

    private final Map<OcppVersion, Map<String, OcppAction>> byVersion;

    private OcppActions(Map<OcppVersion, Map<String, OcppAction>> byVersion) {
        this.byVersion = byVersion;
    }

    /** The catalog of the schemas on the classpath, loaded on first use. */
    public static OcppActions catalog() {
        return Holder.CATALOG;
    }

    /** Every action of the version, sorted by name. */
    public List<OcppAction> actions(OcppVersion version) {
        return List.copyOf(byVersion.get(version).values());
    }

    /** The action of that name in the version (names are case-sensitive). */
    public Optional<OcppAction> find(OcppVersion version, String action) {
        return Optional.ofNullable(byVersion.get(version).get(action));
    }

    /** Whether the version has an action of that name. */
    public boolean isKnown(OcppVersion version, String action) {
        return byVersion.get(version).containsKey(action);
    }

    private static OcppActions load() {
        Map<OcppVersion, Map<String, OcppAction>> byVersion = new EnumMap<>(OcppVersion.class);
        for (OcppVersion version : OcppVersion.values()) {
            byVersion.put(version, Collections.unmodifiableMap(loadVersion(version)));
        }
        return new OcppActions(byVersion);
    }

    private static Map<String, OcppAction> loadVersion(OcppVersion version) {
        String folder = version.schemaFolder() + "/";
        Map<String, String> requests = new HashMap<>();
        Map<String, String> responses = new HashMap<>();
        for (SchemaFiles.Entry entry : SchemaFiles.index()) {
            if (!entry.path().startsWith(folder) || !entry.path().endsWith(".json")) {
                continue;
            }
            String base = entry.path().substring(folder.length(), entry.path().length() - ".json".length());
            String resource = SchemaFiles.ROOT + entry.path();
            if (base.endsWith("Response")) {
                responses.put(base.substring(0, base.length() - "Response".length()), resource);
            } else if (version.isTwoX() && base.endsWith("Request")) {
                requests.put(base.substring(0, base.length() - "Request".length()), resource);
            } else {
                // 1.6 names the request file after the action; in 2.x a bare name is a one-way (SEND) message.
                requests.put(base, resource);
            }
        }
        if (!requests.keySet().containsAll(responses.keySet())) {
            Set<String> orphans = new HashSet<>(responses.keySet());
            orphans.removeAll(requests.keySet());
            throw new IllegalStateException("response schemas without request schema in " + folder + ": " + orphans);
        }
        Map<String, Initiator> initiators = initiators(version);
        Set<String> unlisted = new HashSet<>(requests.keySet());
        unlisted.removeAll(initiators.keySet());
        Set<String> missing = new HashSet<>(initiators.keySet());
        missing.removeAll(requests.keySet());
        if (!unlisted.isEmpty() || !missing.isEmpty()) {
            throw new IllegalStateException("OCPP " + version.label() + " schemas and initiator list disagree: "
                    + "no initiator for " + unlisted + ", no schema for " + missing);
        }
        Map<String, OcppAction> actions = new TreeMap<>();
        requests.forEach((name, request) -> actions.put(name,
                new OcppAction(version, name, initiators.get(name), request, responses.get(name))));
        return actions;
    }

    private static Map<String, Initiator> initiators(OcppVersion version) {
        Set<String> station = switch (version) {
            case V1_6 -> V16_STATION;
            case V2_0_1 -> V201_STATION;
            case V2_1 -> V21_STATION;
        };
        Set<String> csms = switch (version) {
            case V1_6 -> V16_CSMS;
            case V2_0_1 -> V201_CSMS;
            case V2_1 -> V21_CSMS;
        };
        Map<String, Initiator> initiators = new HashMap<>();
        station.forEach(a -> initiators.put(a, Initiator.STATION));
        csms.forEach(a -> initiators.put(a, Initiator.CSMS));
        DATA_TRANSFER.forEach(a -> initiators.put(a, Initiator.BOTH));
        return initiators;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
