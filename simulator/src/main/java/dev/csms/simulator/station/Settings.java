package dev.csms.simulator.station;

import dev.csms.simulator.station.Setting.DataType;
import dev.csms.simulator.station.Setting.Mutability;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A station's configuration: 1.6 configuration keys and 2.x device model variables over one catalog of
 * {@link Setting}s. Values start from the station's configuration and behaviour; only values someone set are
 * stored (a sparse map, so an idle station costs next to nothing). The station reads its heartbeat and meter
 * interval, reconnect back-off, message retries and authorization rules from here, so a CSMS that changes them
 * changes the behaviour.
 */
public final class Settings {

    /** NotifyReport entries per message (DeviceDataCtrlr.ItemsPerMessage for GetReport). */
    public static final int REPORT_PAGE = 25;

    /** The 2.x component that holds the HeartbeatInterval and the reconnect variables. */
    public static final String COMM = "OCPPCommCtrlr";

    static final Setting HEARTBEAT_INTERVAL = rw("HeartbeatInterval", COMM, "HeartbeatInterval", DataType.INTEGER,
            "s", s -> Long.toString(s.heartbeatInterval().toSeconds()));
    static final Setting METER_INTERVAL = rw("MeterValueSampleInterval", "SampledDataCtrlr", "TxUpdatedInterval",
            DataType.INTEGER, "s", s -> Long.toString(s.behaviour().meterValueInterval().toSeconds()));
    static final Setting AUTHORIZE_REMOTE_START = rw("AuthorizeRemoteTxRequests", "AuthCtrlr", "AuthorizeRemoteStart",
            DataType.BOOLEAN, null, s -> "false");
    static final Setting LOCAL_AUTHORIZE_OFFLINE = rw("LocalAuthorizeOffline", "AuthCtrlr", "LocalAuthorizeOffline",
            DataType.BOOLEAN, null, s -> "true");
    static final Setting OFFLINE_UNKNOWN_ID = rw("AllowOfflineTxForUnknownId", "AuthCtrlr",
            "OfflineTxForUnknownIdEnabled", DataType.BOOLEAN, null, s -> "true");
    static final Setting AUTH_CACHE_ENABLED = rw("AuthorizationCacheEnabled", "AuthCacheCtrlr", "Enabled",
            DataType.BOOLEAN, null, s -> "true");
    static final Setting LOCAL_LIST_ENABLED = rw("LocalAuthListEnabled", "LocalAuthListCtrlr", "Enabled",
            DataType.BOOLEAN, null, s -> "true");
    static final Setting STOP_ON_INVALID_ID = rw("StopTransactionOnInvalidId", "TxCtrlr", "StopTxOnInvalidId",
            DataType.BOOLEAN, null, s -> "true");
    static final Setting MESSAGE_ATTEMPTS = new Setting("TransactionMessageAttempts", COMM, "MessageAttempts",
            "TransactionEvent", false, Mutability.READ_WRITE, DataType.INTEGER, null, false, false, s -> "3");
    static final Setting MESSAGE_RETRY_INTERVAL = new Setting("TransactionMessageRetryInterval", COMM,
            "MessageAttemptInterval", "TransactionEvent", false, Mutability.READ_WRITE, DataType.INTEGER, "s", false,
            false, s -> "30");
    static final Setting MESSAGE_TIMEOUT = new Setting(null, COMM, "MessageTimeout", "Default", false,
            Mutability.READ_WRITE, DataType.INTEGER, "s", false, false,
            s -> Long.toString(Math.max(1, s.behaviour().callTimeout().toSeconds())));
    static final Setting BACKOFF_MINIMUM = rw(null, COMM, "RetryBackOffWaitMinimum", DataType.INTEGER, "s",
            s -> Long.toString(s.behaviour().retryBackOff().waitMinimum().toSeconds()));
    static final Setting BACKOFF_RANGE = rw(null, COMM, "RetryBackOffRandomRange", DataType.INTEGER, "s",
            s -> Long.toString(s.behaviour().retryBackOff().randomRange().toSeconds()));
    static final Setting BACKOFF_REPEAT = rw(null, COMM, "RetryBackOffRepeatTimes", DataType.INTEGER, null,
            s -> Integer.toString(s.behaviour().retryBackOff().repeatTimes()));
    static final Setting ORGANIZATION = rw("CpoName", "SecurityCtrlr", "OrganizationName", DataType.STRING, null,
            s -> "CSMS Simulator");
    static final Setting SECURITY_PROFILE = new Setting("SecurityProfile", "SecurityCtrlr", "SecurityProfile", null,
            false, Mutability.READ_WRITE, DataType.INTEGER, null, true, false,
            s -> Integer.toString(s.securityProfile()));
    static final Setting RESERVATION_ENABLED = rw(null, "ReservationCtrlr", "Enabled", DataType.BOOLEAN, null,
            s -> "true");
    static final Setting SMART_CHARGING_ENABLED = rw(null, "SmartChargingCtrlr", "Enabled", DataType.BOOLEAN, null,
            s -> "true");

    /** Every item, in report order. */
    public static final List<Setting> CATALOG = List.of(
            HEARTBEAT_INTERVAL,
            new Setting("WebSocketPingInterval", COMM, "WebSocketPingInterval", null, false, Mutability.READ_WRITE,
                    DataType.INTEGER, "s", true, false, s -> "0"),
            MESSAGE_ATTEMPTS, MESSAGE_RETRY_INTERVAL, MESSAGE_TIMEOUT, BACKOFF_MINIMUM, BACKOFF_RANGE, BACKOFF_REPEAT,
            rw(null, COMM, "OfflineThreshold", DataType.INTEGER, "s", s -> "60"),
            rw("ResetRetries", COMM, "ResetRetries", DataType.INTEGER, null, s -> "1"),
            new Setting(null, COMM, "NetworkConfigurationPriority", null, false, Mutability.READ_WRITE,
                    DataType.SEQUENCE_LIST, null, true, false, s -> "1"),
            METER_INTERVAL,
            rw("MeterValuesSampledData", "SampledDataCtrlr", "TxUpdatedMeasurands", DataType.MEMBER_LIST, null,
                    s -> "Energy.Active.Import.Register,Power.Active.Import,SoC"),
            rw("StopTxnSampledData", "SampledDataCtrlr", "TxEndedMeasurands", DataType.MEMBER_LIST, null,
                    s -> "Energy.Active.Import.Register"),
            rw("ClockAlignedDataInterval", "AlignedDataCtrlr", "Interval", DataType.INTEGER, "s", s -> "0"),
            rw("MeterValuesAlignedData", "AlignedDataCtrlr", "Measurands", DataType.MEMBER_LIST, null,
                    s -> "Energy.Active.Import.Register"),
            AUTHORIZE_REMOTE_START, LOCAL_AUTHORIZE_OFFLINE,
            rw("LocalPreAuthorize", "AuthCtrlr", "LocalPreAuthorize", DataType.BOOLEAN, null, s -> "false"),
            OFFLINE_UNKNOWN_ID, AUTH_CACHE_ENABLED, LOCAL_LIST_ENABLED,
            ro("LocalAuthListMaxLength", null, null, DataType.INTEGER, s -> Integer.toString(LocalAuthorization.MAX_ENTRIES)),
            ro("SendLocalListMaxLength", "LocalAuthListCtrlr", "ItemsPerMessage", DataType.INTEGER, s -> "100"),
            ro(null, "LocalAuthListCtrlr", "Entries", DataType.INTEGER, s -> Integer.toString(s.localAuth().size())),
            rw("ConnectionTimeOut", "TxCtrlr", "EVConnectionTimeOut", DataType.INTEGER, "s", s -> "60"),
            rw("StopTransactionOnEVSideDisconnect", "TxCtrlr", "StopTxOnEVSideDisconnect", DataType.BOOLEAN, null,
                    s -> "true"),
            STOP_ON_INVALID_ID,
            rw(null, "TxCtrlr", "TxStartPoint", DataType.MEMBER_LIST, null, s -> "Authorized"),
            rw(null, "TxCtrlr", "TxStopPoint", DataType.MEMBER_LIST, null, s -> "EVConnected,Authorized"),
            rw("UnlockConnectorOnEVSideDisconnect", null, null, DataType.BOOLEAN, null, s -> "true"),
            ro("NumberOfConnectors", null, null, DataType.INTEGER, s -> Integer.toString(s.connectors().size())),
            ro("SupportedFeatureProfiles", null, null, DataType.STRING,
                    s -> "Core,FirmwareManagement,LocalAuthListManagement,Reservation,SmartCharging,RemoteTrigger"),
            ro("GetConfigurationMaxKeys", null, null, DataType.INTEGER, s -> "100"),
            ro("ReserveConnectorZeroSupported", null, null, DataType.BOOLEAN, s -> "false"),
            ro("ChargeProfileMaxStackLevel", "SmartChargingCtrlr", "ProfileStackLevel", DataType.INTEGER, s -> "10"),
            ro("ChargingScheduleAllowedChargingRateUnit", "SmartChargingCtrlr", "RateUnit", DataType.MEMBER_LIST,
                    s -> s.version().isTwoX() ? "A,W" : "Current,Power"),
            ro("ChargingScheduleMaxPeriods", "SmartChargingCtrlr", "PeriodsPerSchedule", DataType.INTEGER, s -> "24"),
            new Setting("MaxChargingProfilesInstalled", "SmartChargingCtrlr", "Entries", "ChargingProfiles", false,
                    Mutability.READ_ONLY, DataType.INTEGER, null, false, false,
                    s -> Integer.toString(ChargingProfiles.MAX_PROFILES)),
            SMART_CHARGING_ENABLED, RESERVATION_ENABLED,
            ORGANIZATION, SECURITY_PROFILE,
            new Setting("AuthorizationKey", "SecurityCtrlr", "BasicAuthPassword", null, false, Mutability.WRITE_ONLY,
                    DataType.STRING, null, false, false, s -> ""),
            ro(null, "ChargingStation", "AvailabilityState", DataType.STRING, true, s -> s.stationAvailability()),
            ro(null, "ChargingStation", "Model", DataType.STRING, s -> s.config().model()),
            ro(null, "ChargingStation", "VendorName", DataType.STRING, s -> s.config().vendor()),
            ro(null, "ClockCtrlr", "DateTime", DataType.DATE_TIME, s -> s.timestamp()),
            rw(null, "ClockCtrlr", "TimeSource", DataType.SEQUENCE_LIST, null, s -> "Heartbeat"),
            ro(null, "DeviceDataCtrlr", "ItemsPerMessage", "GetReport", s -> Integer.toString(REPORT_PAGE)),
            ro(null, "DeviceDataCtrlr", "ItemsPerMessage", "GetVariables", s -> "50"),
            ro(null, "DeviceDataCtrlr", "ItemsPerMessage", "SetVariables", s -> "50"),
            new Setting(null, "EVSE", "AvailabilityState", null, true, Mutability.READ_ONLY, DataType.STRING, null,
                    false, true, null),
            new Setting(null, "EVSE", "Power", null, true, Mutability.READ_ONLY, DataType.INTEGER, "W", false, false,
                    s -> Long.toString(Math.round(s.behaviour().chargingPowerKw() * 1000))),
            new Setting(null, "Connector", "ConnectorType", null, true, Mutability.READ_ONLY, DataType.STRING, null,
                    false, false, s -> "cType2"));

    private final StationRuntime station;
    private Map<String, String> values;

    Settings(StationRuntime station) {
        this.station = station;
    }

    /** The item for a 1.6 key (case-sensitive, as 1.6 keys are). */
    public Optional<Setting> find16(String key) {
        return CATALOG.stream().filter(s -> key.equals(s.key16())).findFirst();
    }

    /** Whether any 2.x item belongs to that component. */
    public boolean knowsComponent(String component) {
        return CATALOG.stream().anyMatch(s -> component.equals(s.component()));
    }

    /** The 2.x item for component, variable and instance; perEvse items need an EVSE, others must have none. */
    public Optional<Setting> find2x(String component, String variable, String instance, boolean withEvse) {
        return CATALOG.stream()
                .filter(s -> component.equals(s.component()) && variable.equals(s.variable())
                        && Objects.equals(instance, s.instance()) && s.perEvse() == withEvse)
                .findFirst();
    }

    /** The value (for a perEvse item, of that EVSE). Never null. */
    public String get(Setting setting, int evseId) {
        if (setting.perEvse() && setting.initial() == null) {
            return station.evseAvailability(evseId);
        }
        if (values != null) {
            String stored = values.get(setting.storageKey(evseId));
            if (stored != null) {
                return stored;
            }
        }
        return setting.initial().apply(station);
    }

    /** The result of setting a value. */
    public enum SetResult {
        /** Stored and effective. */
        ACCEPTED,
        /** Read-only, or not a value of the item's type. */
        REJECTED,
        /** Stored; effective after a reboot. */
        REBOOT_REQUIRED
    }

    /** Sets a value, then lets the station react to it (e.g. a new heartbeat interval). */
    public SetResult set(Setting setting, int evseId, String value) {
        if (setting.mutability() == Mutability.READ_ONLY || !setting.type().accepts(value)) {
            return SetResult.REJECTED;
        }
        String normalized = setting.type() == DataType.BOOLEAN ? value.toLowerCase(Locale.ROOT) : value;
        if (values == null) {
            values = new HashMap<>(4);
        }
        values.put(setting.storageKey(evseId), normalized);
        station.settingChanged(setting);
        return setting.rebootRequired() ? SetResult.REBOOT_REQUIRED : SetResult.ACCEPTED;
    }

    /** Stores a value the station itself decided (the heartbeat interval the CSMS gave at boot). */
    void put(Setting setting, String value) {
        if (values == null) {
            values = new HashMap<>(4);
        }
        values.put(setting.storageKey(0), value);
    }

    int intValue(Setting setting) {
        try {
            return Integer.parseInt(get(setting, 0));
        } catch (NumberFormatException e) {
            return Integer.parseInt(setting.initial().apply(station));
        }
    }

    boolean boolValue(Setting setting) {
        return Boolean.parseBoolean(get(setting, 0));
    }

    Duration seconds(Setting setting) {
        return Duration.ofSeconds(intValue(setting));
    }

    private static Setting rw(String key16, String component, String variable, DataType type, String unit,
            Function<StationRuntime, String> initial) {
        return new Setting(key16, component, variable, null, false, Mutability.READ_WRITE, type, unit, false, false,
                initial);
    }

    private static Setting ro(String key16, String component, String variable, DataType type,
            Function<StationRuntime, String> initial) {
        return ro(key16, component, variable, type, false, initial);
    }

    private static Setting ro(String key16, String component, String variable, DataType type, boolean summary,
            Function<StationRuntime, String> initial) {
        return new Setting(key16, component, variable, null, false, Mutability.READ_ONLY, type, null, false, summary,
                initial);
    }

    private static Setting ro(String key16, String component, String variable, String instance,
            Function<StationRuntime, String> initial) {
        return new Setting(key16, component, variable, instance, false, Mutability.READ_ONLY, DataType.INTEGER, null,
                false, false, initial);
    }
}
