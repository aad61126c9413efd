package dev.csms.events.sessions;

/**
 * Where a reservation stands. Requested is the only state before the station's answer; Active is the only state that
 * holds an EVSE; Rejected, Used, Cancelled and Expired are final.
 */
public enum ReservationStatus {
    /** ReserveNow was sent; the station has not answered yet. */
    Requested,
    /** The station accepted it: the EVSE (or the station) is held for the token and its group until expiry. */
    Active,
    /** The station refused it (Faulted, Occupied, Rejected, Unavailable), answered with an error, or never answered. */
    Rejected,
    /** A transaction started with it (named it, or its token started on the reserved EVSE). */
    Used,
    /** The operator cancelled it (the station accepted CancelReservation) or the station removed it. */
    Cancelled,
    /** Its expiry passed (session-service's sweep, or the station's ReservationStatusUpdate Expired). */
    Expired
}
