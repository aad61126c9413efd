package dev.csms.simulator.station;

/** Why a station sends BootNotification (2.x BootReasonEnumType; 1.6 sends no reason). */
public enum BootReason {
    /** Powered on. */
    POWER_UP("PowerUp"),
    /** After a Reset from the CSMS. */
    REMOTE_RESET("RemoteReset"),
    /** After installing firmware. */
    FIRMWARE_UPDATE("FirmwareUpdate"),
    /** The CSMS asked for it (TriggerMessage). */
    TRIGGERED("Triggered"),
    /** After a reconnection without reboot (bootOnReconnect) or a Pending/Rejected retry. */
    UNKNOWN("Unknown");

    private final String ocpp;

    BootReason(String ocpp) {
        this.ocpp = ocpp;
    }

    /** As 2.x spells it. */
    public String ocpp() {
        return ocpp;
    }
}
