package dev.csms.ocpp.canonical;

/**
 * Recurrence of a Recurring charging profile.
 */
public enum RecurrencyKind {
    /** Every day. */
    Daily,
    /** Every week. */
    Weekly
}
