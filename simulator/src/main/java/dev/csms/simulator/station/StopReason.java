package dev.csms.simulator.station;

/** Why a transaction ends, with its spelling in 1.6 (Reason) and 2.x (stoppedReason and triggerReason). */
public enum StopReason {
    /** The driver stopped it at the station. */
    LOCAL("Local", "Local", "StopAuthorized"),
    /** The CSMS stopped it (RemoteStopTransaction / RequestStopTransaction). */
    REMOTE("Remote", "Remote", "RemoteStop"),
    /** The EV was unplugged. */
    EV_DISCONNECTED("EVDisconnected", "EVDisconnected", "EVCommunicationLost"),
    /** The CSMS did not accept the id tag. */
    DEAUTHORIZED("DeAuthorized", "DeAuthorized", "Deauthorized"),
    /** A hard (1.6) or immediate (2.x) reset. */
    HARD_RESET("HardReset", "ImmediateReset", "ResetCommand"),
    /** A soft reset (1.6); 2.x knows only immediate resets. */
    SOFT_RESET("SoftReset", "ImmediateReset", "ResetCommand"),
    /** UnlockConnector while charging (1.6). */
    UNLOCK_COMMAND("UnlockCommand", "Other", "UnlockCommand"),
    /** The station was powered off. */
    POWER_LOSS("PowerLoss", "PowerLoss", "AbnormalCondition"),
    /** The station rebooted on its own (firmware installation). */
    REBOOT("Reboot", "Reboot", "AbnormalCondition");

    private final String v16;
    private final String v2Stopped;
    private final String v2Trigger;

    StopReason(String v16, String v2Stopped, String v2Trigger) {
        this.v16 = v16;
        this.v2Stopped = v2Stopped;
        this.v2Trigger = v2Trigger;
    }

    /** The 1.6 StopTransaction reason. */
    public String v16() {
        return v16;
    }

    /** The 2.x stoppedReason. */
    public String v2StoppedReason() {
        return v2Stopped;
    }

    /** The 2.x triggerReason of the Ended event. */
    public String v2TriggerReason() {
        return v2Trigger;
    }
}
