package dev.csms.ocpp.canonical;

/**
 * Normalized authorization status (2.x AuthorizationStatusEnumType, a superset of the 1.6 values).
 * Sent to a 1.6 station, the 2.x-only values become {@code Invalid}.
 */
public enum AuthorizationStatus {
    /** Allowed to charge. */
    Accepted,
    /** The token is blocked. */
    Blocked,
    /** The token is already used in another transaction. */
    ConcurrentTx,
    /** The token has expired. */
    Expired,
    /** The token is invalid. */
    Invalid,
    /** No credit left (2.x). */
    NoCredit,
    /** Not allowed on this type of EVSE (2.x). */
    NotAllowedTypeEVSE,
    /** Not allowed at this location (2.x). */
    NotAtThisLocation,
    /** Not allowed at this time (2.x). */
    NotAtThisTime,
    /** The token is unknown (2.x). */
    Unknown
}
