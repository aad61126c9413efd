package dev.csms.ocpp.canonical;

/**
 * Firmware update progress (2.x FirmwareStatusEnumType, a superset of 1.6 FirmwareStatus and of the
 * 1.6 security extension's SignedFirmwareStatusNotification).
 */
public enum FirmwareStatus {
    /** Download finished. */
    Downloaded,
    /** Download failed. */
    DownloadFailed,
    /** Downloading. */
    Downloading,
    /** Download scheduled. */
    DownloadScheduled,
    /** Download paused. */
    DownloadPaused,
    /** Nothing in progress. */
    Idle,
    /** Installation failed. */
    InstallationFailed,
    /** Installing. */
    Installing,
    /** Installed. */
    Installed,
    /** Rebooting to install. */
    InstallRebooting,
    /** Installation scheduled. */
    InstallScheduled,
    /** Verification of the installed firmware failed. */
    InstallVerificationFailed,
    /** The firmware signature is invalid. */
    InvalidSignature,
    /** The firmware signature was verified. */
    SignatureVerified
}
