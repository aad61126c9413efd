package dev.csms.simulator;

import java.time.Instant;

/**
 * One frame a station sent or received (kept when {@link StationConfig#recordTraffic()} is on).
 *
 * @param at       when, on the station's clock
 * @param outgoing true if the station sent it
 * @param text     the frame as on the wire
 */
public record TrafficEntry(Instant at, boolean outgoing, String text) {
}
