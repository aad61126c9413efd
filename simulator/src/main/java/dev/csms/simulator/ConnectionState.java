package dev.csms.simulator;

/** The state of a station's WebSocket. */
public enum ConnectionState {
    /** Powered off (never started, stopped, or rebooting). */
    OFF,
    /** Opening the WebSocket. */
    CONNECTING,
    /** The WebSocket is open. */
    CONNECTED,
    /** Waiting out the RetryBackOff before the next attempt. */
    WAITING_TO_RECONNECT,
    /** Held off line by {@link SimulatedStation#goOffline()} until {@link SimulatedStation#goOnline()}. */
    OFFLINE
}
