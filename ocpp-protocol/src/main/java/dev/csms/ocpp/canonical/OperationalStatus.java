package dev.csms.ocpp.canonical;

/**
 * Target availability of a ChangeAvailability (same in every version).
 */
public enum OperationalStatus {
    /** Available for charging. */
    Operative,
    /** Not available for charging. */
    Inoperative
}
