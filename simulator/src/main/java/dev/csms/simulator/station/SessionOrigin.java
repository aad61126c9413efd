package dev.csms.simulator.station;

/** Who started a session. */
public enum SessionOrigin {
    /** A driver at the station (card or app at the station), through the library API or automatically. */
    LOCAL,
    /** The CSMS (RemoteStartTransaction / RequestStartTransaction). */
    REMOTE
}
