package dev.csms.ocpp.canonical;

/**
 * The message a TriggerMessage asks for. The 1.6 core TriggerMessage covers BootNotification,
 * DiagnosticsStatusNotification, FirmwareStatusNotification, Heartbeat, MeterValues and StatusNotification; the 1.6
 * security extension's ExtendedTriggerMessage adds LogStatusNotification and SignChargingStationCertificate.
 */
public enum MessageTrigger {
    /** BootNotification. */
    BootNotification,
    /** LogStatusNotification (1.6: ExtendedTriggerMessage). */
    LogStatusNotification,
    /** 1.6 DiagnosticsStatusNotification (1.6 only). */
    DiagnosticsStatusNotification,
    /** FirmwareStatusNotification. */
    FirmwareStatusNotification,
    /** Heartbeat. */
    Heartbeat,
    /** MeterValues. */
    MeterValues,
    /** SignCertificate for the station certificate (1.6: ExtendedTriggerMessage SignChargePointCertificate). */
    SignChargingStationCertificate,
    /** SignCertificate for the V2G certificate (2.x). */
    SignV2GCertificate,
    /** SignCertificate for the ISO 15118-20 certificate (2.1). */
    SignV2G20Certificate,
    /** StatusNotification. */
    StatusNotification,
    /** TransactionEvent (2.x). */
    TransactionEvent,
    /** SignCertificate for both certificates (2.x). */
    SignCombinedCertificate,
    /** PublishFirmwareStatusNotification (2.x). */
    PublishFirmwareStatusNotification,
    /** A vendor-specific trigger named in customTrigger (2.1). */
    CustomTrigger
}
