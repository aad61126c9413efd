package dev.csms.ocpp.canonical;

/**
 * Why a TransactionEvent was sent (2.1 TriggerReasonEnumType, a superset of 2.0.1). For 1.6:
 * StartTransaction is {@link #Authorized}; StopTransaction maps from its reason (Remote: RemoteStop, Local:
 * StopAuthorized, DeAuthorized: Deauthorized, EVDisconnected: EVCommunicationLost, resets: ResetCommand,
 * UnlockCommand: UnlockCommand, anything else: AbnormalCondition); MeterValues maps from the reading context
 * (Sample.Clock: MeterValueClock, Trigger: Trigger, otherwise MeterValuePeriodic).
 */
public enum TriggerReason {
    /** An abnormal condition. */
    AbnormalCondition,
    /** The driver was authorized. */
    Authorized,
    /** The cable was plugged in. */
    CablePluggedIn,
    /** The charging rate changed. */
    ChargingRateChanged,
    /** The charging state changed. */
    ChargingStateChanged,
    /** Cost limit reached (2.1). */
    CostLimitReached,
    /** Authorization was withdrawn. */
    Deauthorized,
    /** Energy limit reached. */
    EnergyLimitReached,
    /** Communication with the EV was lost. */
    EVCommunicationLost,
    /** The EV did not connect in time. */
    EVConnectTimeout,
    /** The EV left the parking bay. */
    EVDeparted,
    /** An EV was detected. */
    EVDetected,
    /** A limit was set (2.1). */
    LimitSet,
    /** Clock-aligned meter values. */
    MeterValueClock,
    /** Periodic meter values. */
    MeterValuePeriodic,
    /** Operation mode changed (2.1). */
    OperationModeChanged,
    /** Started by the CSMS. */
    RemoteStart,
    /** Stopped by the CSMS. */
    RemoteStop,
    /** A reset stopped the transaction. */
    ResetCommand,
    /** Running cost update (2.1). */
    RunningCost,
    /** Signed meter data received. */
    SignedDataReceived,
    /** State-of-charge limit reached (2.1). */
    SoCLimitReached,
    /** The driver stopped the transaction. */
    StopAuthorized,
    /** The tariff changed (2.1). */
    TariffChanged,
    /** The tariff was not accepted (2.1). */
    TariffNotAccepted,
    /** Time limit reached. */
    TimeLimitReached,
    /** Requested by a TriggerMessage. */
    Trigger,
    /** The transaction was resumed (2.1). */
    TxResumed,
    /** An UnlockConnector stopped the transaction. */
    UnlockCommand
}
