package dev.csms.simulator;

/** Where a simulated firmware update fails, to test how a CSMS handles broken rollouts. */
public enum FirmwareFailure {
    /** Every update succeeds. */
    NONE,
    /** The download fails ({@code DownloadFailed}). */
    DOWNLOAD,
    /** The signature check fails ({@code InvalidSignature}; signed updates only, else like {@link #INSTALL}). */
    SIGNATURE,
    /** The installation fails ({@code InstallationFailed}). */
    INSTALL
}
