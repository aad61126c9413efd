package dev.csms.events.ocpp;

/** Why a station's connection ended. */
public enum DisconnectReason {
    /** The station closed the WebSocket. */
    ClosedByStation,
    /** No pong within the ping timeout: the connection was dead. */
    PingTimeout,
    /** The station connected again (to any gateway); the newer connection replaced this one. */
    Superseded,
    /** The gateway shut down. */
    GatewayShutdown,
    /** The station broke the protocol beyond recovery (e.g. repeated malformed frames). */
    ProtocolViolation,
    /** The station's credentials were disabled or changed. */
    CredentialsRevoked,
    /** Anything else (network error); see the detail. */
    Other
}
