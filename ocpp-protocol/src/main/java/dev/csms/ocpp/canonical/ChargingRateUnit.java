package dev.csms.ocpp.canonical;

/**
 * Unit of charging limits.
 */
public enum ChargingRateUnit {
    /** Watts (power). */
    W,
    /** Amperes (current per phase). */
    A
}
