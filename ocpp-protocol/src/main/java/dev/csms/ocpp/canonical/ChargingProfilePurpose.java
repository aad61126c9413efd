package dev.csms.ocpp.canonical;

/**
 * Purpose of a charging profile (2.x names; 1.6 ChargePointMaxProfile is {@link #ChargingStationMaxProfile}).
 */
public enum ChargingProfilePurpose {
    /** Limits set by an external system (2.x). */
    ChargingStationExternalConstraints,
    /** Maximum for the whole station (1.6: ChargePointMaxProfile). */
    ChargingStationMaxProfile,
    /** Default for new transactions. */
    TxDefaultProfile,
    /** For one transaction. */
    TxProfile,
    /** Priority charging (2.1). */
    PriorityCharging,
    /** Local generation (2.1). */
    LocalGeneration
}
