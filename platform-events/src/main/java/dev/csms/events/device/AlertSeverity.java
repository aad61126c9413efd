package dev.csms.events.device;

/** How urgent an alert is. */
public enum AlertSeverity {
    /** Needs attention: a station or connector does not work as it should. */
    Warning,
    /** Needs attention now: a security event the operator configured as critical. */
    Critical
}
