package dev.csms.ocpp.canonical;

/**
 * Why a station booted (2.x BootReasonEnumType). OCPP 1.6 sends no reason: its boots map to {@link #Unknown}.
 */
public enum BootReason {
    /** The application of the station was reset. */
    ApplicationReset,
    /** A firmware update was installed. */
    FirmwareUpdate,
    /** A local (manual) reset. */
    LocalReset,
    /** The station was powered up. */
    PowerUp,
    /** Reset requested by the CSMS. */
    RemoteReset,
    /** A scheduled reset. */
    ScheduledReset,
    /** Requested by a TriggerMessage. */
    Triggered,
    /** No reason given; every 1.6 boot. */
    Unknown,
    /** The watchdog restarted the station. */
    Watchdog
}
