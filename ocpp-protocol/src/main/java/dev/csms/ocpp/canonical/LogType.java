package dev.csms.ocpp.canonical;

/**
 * Which log a GetLog asks for. For 1.6, DiagnosticsLog is sent as the core GetDiagnostics and
 * SecurityLog as the security extension's GetLog.
 */
public enum LogType {
    /** Diagnostics log. */
    DiagnosticsLog,
    /** Security log. */
    SecurityLog,
    /** Data collector log (2.1). */
    DataCollectorLog
}
