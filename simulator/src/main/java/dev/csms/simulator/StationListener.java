package dev.csms.simulator;

import java.time.Duration;

/**
 * Hears what stations of a fleet go through, for tests and benchmarks (e.g. "time until all are booted").
 * Called on the station's event loop: return quickly and never block. Every method does nothing by default.
 */
public interface StationListener {

    /** A listener that ignores everything. */
    StationListener NONE = new StationListener() {
    };

    /** The station starts opening its WebSocket. */
    default void connecting(SimulatedStation station) {
    }

    /** The WebSocket is open. */
    default void connected(SimulatedStation station) {
    }

    /** The WebSocket could not be opened (refused, HTTP status, TLS, timeout). */
    default void connectFailed(SimulatedStation station, String reason) {
    }

    /** The open WebSocket closed. */
    default void disconnected(SimulatedStation station) {
    }

    /** The station will try to reconnect after {@code delay} ({@code attempt} 0 is the first reconnection). */
    default void reconnectScheduled(SimulatedStation station, int attempt, Duration delay) {
    }

    /** The station's boot state changed. */
    default void bootStateChanged(SimulatedStation station, BootState state) {
    }

    /** The station sent ({@code outgoing}) or received a text frame. */
    default void frame(SimulatedStation station, boolean outgoing, String text) {
    }
}
