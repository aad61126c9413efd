package dev.csms.events.sessions;

import dev.csms.ocpp.canonical.IdToken;

import java.time.Instant;
import java.util.Objects;

/**
 * A reservation was made or changed state, published by session-service on {@code sessions.events}
 * ({@code csms.sessions.ReservationChanged.v1}), keyed by station id, through its outbox and atomically with the
 * change: once when it is requested and once for every later state (see {@link ReservationStatus}).
 *
 * @param reservationId the reservation's platform-wide id (the OCPP 1.6 reservationId, 2.x id)
 * @param stationId     the station
 * @param evseId        the reserved EVSE (1.6: the connector); null for any EVSE of the station (1.6 connector 0)
 * @param idToken       the token it is for
 * @param groupIdToken  the group whose tokens may use it too; null for none
 * @param expiresAt     when it ends
 * @param status        its state after the change
 * @param reason        why it reached that state when there is more to say: the station's answer (Occupied,
 *                      Faulted, ...), the command's outcome (Timeout, CallError, ...), the station's update
 *                      (Removed); null otherwise
 * @param sessionId     the session that used it (status Used); null otherwise
 * @param changedAt     when it changed
 * @param version       the reservation's version: every event of a reservation has a greater one than the last
 */
public record ReservationChanged(int reservationId, String stationId, Integer evseId, IdToken idToken,
        IdToken groupIdToken, Instant expiresAt, ReservationStatus status, String reason, String sessionId,
        Instant changedAt, long version) {
    public ReservationChanged {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(idToken, "idToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
