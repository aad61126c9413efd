package dev.csms.ocpp.canonical;

/**
 * Kind of charging schedule.
 */
public enum ChargingProfileKind {
    /** Schedule periods relative to startSchedule. */
    Absolute,
    /** Repeats daily or weekly. */
    Recurring,
    /** Periods relative to the start of the transaction. */
    Relative,
    /** Limits updated dynamically (2.1). */
    Dynamic
}
