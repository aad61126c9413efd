package dev.csms.device.alert;

import dev.csms.events.device.AlertSeverity;

/** The alerts device-service raises; the name is the {@code type} of the alert and its events. */
public enum AlertType {
    /** Offline longer than {@code csms.device.alerts.offline-after}; subject {@code station}. */
    StationOffline(AlertSeverity.Warning),
    /** A connector (EVSE, station) reported Faulted; subject {@code evse/<e>/connector/<c>}. */
    ConnectorFaulted(AlertSeverity.Warning),
    /** At least {@code disconnects.count} disconnects within {@code disconnects.window}; subject {@code connection}. */
    RepeatedDisconnects(AlertSeverity.Warning),
    /** At least {@code boot-loop.count} boots within {@code boot-loop.window}; subject {@code station}. */
    BootLoop(AlertSeverity.Warning),
    /** A critical security event; subject the security event type. */
    SecurityEvent(AlertSeverity.Critical),
    /** The vendor or model reported at boot differs from the expected one; subject {@code station}. */
    VendorModelMismatch(AlertSeverity.Warning);

    private final AlertSeverity severity;

    AlertType(AlertSeverity severity) {
        this.severity = severity;
    }

    public AlertSeverity severity() {
        return severity;
    }
}
