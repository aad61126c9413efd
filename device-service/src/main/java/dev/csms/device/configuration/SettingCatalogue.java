package dev.csms.device.configuration;

import dev.csms.ocpp.OcppVersion;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.problem.ProblemTypes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The settings the operator API knows by name, each with its place in OCPP 1.6 (a configuration key) and 2.x (a
 * component and variable of the device model), and what values it takes. Any other setting is a raw key, passed
 * through: the 1.6 key as given, or {@code component[.instance].variable} for 2.x.
 */
public final class SettingCatalogue {

    /** What values a well-known setting takes. */
    public enum ValueKind {
        /** A whole number of seconds, 0 or more. */
        Seconds,
        /** A whole number, 0 or more. */
        Count,
        /** true or false. */
        Boolean,
        /** A comma-separated list (e.g. of measurands). */
        List
    }

    /**
     * A well-known setting.
     *
     * @param name        its name in the API (lowercase, hyphenated)
     * @param v16Key      the OCPP 1.6 configuration key
     * @param v2          the OCPP 2.0.1 / 2.1 component and variable
     * @param kind        what values it takes
     * @param description what it is
     */
    public record Entry(String name, String v16Key, VariableAddress v2, ValueKind kind, String description) {
    }

    /** Catalogue names: lowercase words joined by hyphens. A name of this form that is not listed is unknown. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)+");

    /** Raw keys: what a 1.6 key or a 2.x component[.instance].variable may contain. */
    private static final Pattern RAW = Pattern.compile("[A-Za-z0-9_.:*+|@-]{1,160}");

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        add("heartbeat-interval", "HeartbeatInterval", "OCPPCommCtrlr", "HeartbeatInterval", ValueKind.Seconds,
                "Interval of Heartbeat messages when the station is otherwise idle");
        add("meter-value-sample-interval", "MeterValueSampleInterval", "SampledDataCtrlr", "TxUpdatedInterval",
                ValueKind.Seconds, "Interval of sampled meter values during a transaction");
        add("clock-aligned-data-interval", "ClockAlignedDataInterval", "AlignedDataCtrlr", "Interval",
                ValueKind.Seconds, "Interval of clock-aligned meter values");
        add("meter-values-sampled-data", "MeterValuesSampledData", "SampledDataCtrlr", "TxUpdatedMeasurands",
                ValueKind.List, "Measurands sampled during a transaction, comma-separated");
        add("connection-timeout", "ConnectionTimeOut", "TxCtrlr", "EVConnectionTimeOut", ValueKind.Seconds,
                "How long the station waits for the EV to be plugged in after authorization");
        add("websocket-ping-interval", "WebSocketPingInterval", "OCPPCommCtrlr", "WebSocketPingInterval",
                ValueKind.Seconds, "Interval of WebSocket pings from the station (0 = none)");
        add("reset-retries", "ResetRetries", "OCPPCommCtrlr", "ResetRetries", ValueKind.Count,
                "How often the station retries a failed reset");
        add("local-pre-authorize", "LocalPreAuthorize", "AuthCtrlr", "LocalPreAuthorize", ValueKind.Boolean,
                "Start transactions for locally authorized tokens without waiting for the CSMS");
        add("local-auth-list-enabled", "LocalAuthListEnabled", "LocalAuthListCtrlr", "Enabled", ValueKind.Boolean,
                "Whether the local authorization list is used");
        add("authorize-remote-start", "AuthorizeRemoteTxRequests", "AuthCtrlr", "AuthorizeRemoteStart",
                ValueKind.Boolean, "Whether remote start requests are authorized like local ones");
        add("stop-transaction-on-invalid-id", "StopTransactionOnInvalidId", "TxCtrlr", "StopTxOnInvalidId",
                ValueKind.Boolean, "Stop a running transaction when its token turns out invalid");
    }

    private SettingCatalogue() {
    }

    private static void add(String name, String v16Key, String component, String variable, ValueKind kind,
            String description) {
        ENTRIES.put(name, new Entry(name, v16Key, VariableAddress.of(component, variable), kind, description));
    }

    /** Every well-known setting, in catalogue order. */
    public static List<Entry> entries() {
        return List.copyOf(ENTRIES.values());
    }

    /**
     * The setting the operator named.
     *
     * @throws ProblemException 400 for a catalogue-style name that is not in the catalogue, or a malformed raw key
     */
    public static Setting resolve(String setting) {
        Entry entry = ENTRIES.get(setting);
        if (entry != null) {
            return new Setting(setting, entry);
        }
        if (NAME.matcher(setting).matches()) {
            throw invalid("Unknown setting '" + setting + "'; well-known settings: " + String.join(", ",
                    ENTRIES.keySet()));
        }
        if (!RAW.matcher(setting).matches()) {
            throw invalid("Invalid setting '" + setting + "': a well-known setting, a 1.6 configuration key or a 2.x "
                    + "component[.instance].variable");
        }
        return new Setting(setting, null);
    }

    /**
     * A setting of a request: a catalogue entry, or (entry null) a raw key.
     *
     * @param name  as the operator named it
     * @param entry the catalogue entry; null for a raw key
     */
    public record Setting(String name, Entry entry) {

        /** Where the setting lives on a station of the version; empty when a raw key cannot address it there. */
        public Optional<Target> target(OcppVersion version) {
            if (!version.isTwoX()) {
                String key = entry == null ? name : entry.v16Key();
                return key.length() <= 50 ? Optional.of(Target.v16(key)) : Optional.empty();
            }
            return entry == null ? VariableAddress.parse(name).map(Target::v2) : Optional.of(Target.v2(entry.v2()));
        }

        /**
         * The value as sent to stations.
         *
         * @throws ProblemException 400 when the value does not fit the setting
         */
        public String normalize(String value) {
            if (value.length() > 500) {
                throw invalid("The value is longer than 500 characters (the OCPP 1.6 limit)");
            }
            if (entry == null) {
                return value;
            }
            String trimmed = value.trim();
            return switch (entry.kind()) {
                case Seconds, Count -> {
                    try {
                        int number = Integer.parseInt(trimmed);
                        if (number < 0) {
                            throw new NumberFormatException();
                        }
                        yield Integer.toString(number);
                    } catch (NumberFormatException e) {
                        throw invalid("'" + value + "' is not a valid value of " + name
                                + ": a whole number, 0 or more");
                    }
                }
                case Boolean -> {
                    String lower = trimmed.toLowerCase(Locale.ROOT);
                    if (!lower.equals("true") && !lower.equals("false")) {
                        throw invalid("'" + value + "' is not a valid value of " + name + ": true or false");
                    }
                    yield lower;
                }
                case List -> {
                    if (trimmed.isEmpty()) {
                        throw invalid("The value of " + name + " must not be empty");
                    }
                    yield trimmed.replaceAll("\\s*,\\s*", ",");
                }
            };
        }
    }

    /**
     * Where a setting lives on one station: a 1.6 key, or a 2.x variable.
     *
     * @param v16Key  the 1.6 key; null for 2.x
     * @param address the 2.x variable; null for 1.6
     */
    public record Target(String v16Key, VariableAddress address) {

        static Target v16(String key) {
            return new Target(key, null);
        }

        static Target v2(VariableAddress address) {
            return new Target(null, address);
        }

        /** As the API shows it. */
        public String display() {
            return v16Key != null ? v16Key : address.key();
        }
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemTypes.VALIDATION, 400, "Bad Request", detail);
    }
}
