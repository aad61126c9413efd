package dev.csms.ocpp.canonical;

/**
 * State of the energy transfer in a transaction (2.x ChargingStateEnumType).
 */
public enum ChargingState {
    /** An EV is connected but not charging. */
    EVConnected,
    /** Energy flows. */
    Charging,
    /** The EV suspended charging. */
    SuspendedEV,
    /** The EVSE suspended charging. */
    SuspendedEVSE,
    /** No EV connected. */
    Idle
}
