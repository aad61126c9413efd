package dev.csms.ocpp.canonical;

/**
 * Why a transaction ended (2.1 ReasonEnumType, a superset of 2.0.1). For 1.6 StopTransaction:
 * HardReset and SoftReset become {@link #ImmediateReset}, UnlockCommand becomes {@link #Other} (the trigger
 * reason keeps UnlockCommand), an absent reason is {@link #Local}, the rest keep their names.
 */
public enum StoppedReason {
    /** Authorization withdrawn. */
    DeAuthorized,
    /** Emergency stop pressed. */
    EmergencyStop,
    /** Energy limit reached. */
    EnergyLimitReached,
    /** The EV was disconnected. */
    EVDisconnected,
    /** Ground fault. */
    GroundFault,
    /** A reset (1.6 HardReset and SoftReset). */
    ImmediateReset,
    /** Stopped with a master pass. */
    MasterPass,
    /** Stopped locally by the driver. */
    Local,
    /** Out of credit. */
    LocalOutOfCredit,
    /** Other reason (1.6 UnlockCommand). */
    Other,
    /** Overcurrent. */
    OvercurrentFault,
    /** Power loss. */
    PowerLoss,
    /** Power quality problem. */
    PowerQuality,
    /** The station rebooted. */
    Reboot,
    /** Stopped by the CSMS. */
    Remote,
    /** State-of-charge limit reached. */
    SOCLimitReached,
    /** The EV stopped. */
    StoppedByEV,
    /** Time limit reached. */
    TimeLimitReached,
    /** A timeout. */
    Timeout,
    /** Requested energy transfer rejected (2.1). */
    ReqEnergyTransferRejected
}
