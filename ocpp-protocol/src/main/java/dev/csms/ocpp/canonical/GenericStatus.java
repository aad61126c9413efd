package dev.csms.ocpp.canonical;

/**
 * Accepted or rejected (GenericStatusEnumType).
 */
public enum GenericStatus {
    /** Accepted. */
    Accepted,
    /** Rejected. */
    Rejected
}
