package dev.csms.ocpp.canonical;

/**
 * The CSMS's decision on a BootNotification (same values in 1.6, 2.0.1 and 2.1).
 */
public enum RegistrationStatus {
    /** The station is registered and may send other messages. */
    Accepted,
    /** The CSMS wants to configure or inspect the station first; the station retries boot after the interval. */
    Pending,
    /** The station is not accepted; it retries boot after the interval. */
    Rejected
}
