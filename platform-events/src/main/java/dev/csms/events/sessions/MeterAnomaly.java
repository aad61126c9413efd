package dev.csms.events.sessions;

/**
 * Something wrong with the energy register readings of a session. The energy total never counts a decrease: each
 * anomaly starts a new baseline, so the total is a lower bound of what was delivered.
 */
public enum MeterAnomaly {
    /** The register fell to zero: the meter was reset (or replaced); counting continues from zero. */
    MeterReset,
    /** The register fell to a smaller non-zero value; counting continues from that value. */
    RegisterDecreased
}
