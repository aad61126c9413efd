package dev.csms.simulator.station;

import dev.csms.simulator.time.SimClock;
import java.time.Instant;

/**
 * A reservation of a connector.
 *
 * @param id      the reservation id the CSMS gave
 * @param idTag   the id tag it is for
 * @param expiry  when it expires
 * @param timer   the expiry timer
 */
record Reservation(int id, String idTag, Instant expiry, SimClock.Timer timer) {
}
