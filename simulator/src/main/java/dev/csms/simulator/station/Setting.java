package dev.csms.simulator.station;

import java.util.function.Function;

/**
 * One configuration item of a simulated station: a 1.6 configuration key and/or a 2.x device model variable
 * (component, optional EVSE, variable, optional instance). The same item serves both versions where they mean
 * the same thing (1.6 {@code HeartbeatInterval} is 2.x {@code OCPPCommCtrlr.HeartbeatInterval}).
 *
 * @param key16            the 1.6 key, null if the item does not exist in 1.6
 * @param component        the 2.x component, null if the item does not exist in 2.x
 * @param variable         the 2.x variable
 * @param instance         the 2.x variable instance, or null
 * @param perEvse          whether the 2.x variable exists once per EVSE (component with evse id)
 * @param mutability       read-only, read-write or write-only
 * @param type             the data type (2.x variableCharacteristics.dataType)
 * @param unit             the unit, or null
 * @param rebootRequired   whether a change takes effect only after a reboot (RebootRequired)
 * @param summary          whether it belongs to the 2.x SummaryInventory report
 * @param initial          the value before anyone sets it, from the station (read-only items are computed live)
 */
public record Setting(String key16, String component, String variable, String instance, boolean perEvse,
        Mutability mutability, DataType type, String unit, boolean rebootRequired, boolean summary,
        Function<StationRuntime, String> initial) {

    /** The 2.x mutability. */
    public enum Mutability {
        /** Cannot be set. */
        READ_ONLY("ReadOnly"),
        /** Can be read and set. */
        READ_WRITE("ReadWrite"),
        /** Can be set, never read (passwords). */
        WRITE_ONLY("WriteOnly");

        private final String ocpp;

        Mutability(String ocpp) {
            this.ocpp = ocpp;
        }

        /** As OCPP spells it. */
        public String ocpp() {
            return ocpp;
        }
    }

    /** The 2.x data types used here. */
    public enum DataType {
        /** A whole number. */
        INTEGER("integer"),
        /** true or false. */
        BOOLEAN("boolean"),
        /** Any text. */
        STRING("string"),
        /** A date and time. */
        DATE_TIME("dateTime"),
        /** A comma-separated list of members. */
        MEMBER_LIST("MemberList"),
        /** A comma-separated ordered list. */
        SEQUENCE_LIST("SequenceList");

        private final String ocpp;

        DataType(String ocpp) {
            this.ocpp = ocpp;
        }

        /** As OCPP spells it. */
        public String ocpp() {
            return ocpp;
        }

        /** Whether the text is a value of this type. */
        public boolean accepts(String value) {
            return switch (this) {
                case INTEGER -> value.matches("\\d{1,9}");
                case BOOLEAN -> value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
                case DATE_TIME -> false;
                default -> true;
            };
        }
    }

    /** Whether the item exists in 1.6. */
    public boolean in16() {
        return key16 != null;
    }

    /** Whether the item exists in 2.x. */
    public boolean in2x() {
        return component != null;
    }

    /** A name for storage: unique per item. */
    String storageKey(int evseId) {
        return (component == null ? key16 : component + "." + variable + (instance == null ? "" : "/" + instance))
                + (perEvse ? "#" + evseId : "");
    }
}
