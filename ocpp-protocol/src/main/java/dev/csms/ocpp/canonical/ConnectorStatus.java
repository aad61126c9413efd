package dev.csms.ocpp.canonical;

/**
 * Normalized connector status, the 2.x ConnectorStatusEnumType. The five OCPP 1.6 states of an
 * occupied connector (Preparing, Charging, SuspendedEV, SuspendedEVSE, Finishing) all map to {@link #Occupied};
 * the original 1.6 or 2.x string is kept beside it in the StatusNotification event.
 */
public enum ConnectorStatus {
    /** Free for a new session. */
    Available,
    /** A vehicle is connected or a session is under way (1.6: Preparing, Charging, SuspendedEV, SuspendedEVSE, Finishing). */
    Occupied,
    /** Reserved for an idToken. */
    Reserved,
    /** Not available for charging (Inoperative). */
    Unavailable,
    /** In a fault state. */
    Faulted
}
