package dev.csms.session.rest;

import dev.csms.events.sessions.ReservationStatus;
import dev.csms.session.reservation.Reservation;
import java.time.Instant;

/**
 * A reservation as the operator sees it.
 *
 * @param id              the reservation id (1.6 reservationId, 2.x id)
 * @param stationId       the station
 * @param ocppVersion     the station's OCPP version when it was made
 * @param evseId          the EVSE (1.6: connector); null for any
 * @param idToken         the token it is for
 * @param groupIdToken    the group whose tokens may use it too; null for none
 * @param expiresAt       when it ends
 * @param status          Requested, Active, Rejected, Used, Cancelled or Expired
 * @param reason          why it reached its status when there is more to say; null otherwise
 * @param commandId       the ReserveNow command
 * @param cancelCommandId the last CancelReservation command; null when none
 * @param sessionId       the session that used it; null otherwise
 * @param requestedBy     who made it
 * @param createdAt       when it was made
 * @param updatedAt       when it last changed
 * @param version         grows with every change (as in its ReservationChanged events)
 */
public record ReservationView(int id, String stationId, String ocppVersion, Integer evseId, TokenRef idToken,
        TokenRef groupIdToken, Instant expiresAt, ReservationStatus status, String reason, String commandId,
        String cancelCommandId, String sessionId, String requestedBy, Instant createdAt, Instant updatedAt,
        long version) {

    public static ReservationView of(Reservation r) {
        return new ReservationView(r.id, r.stationId, r.ocppVersion.label(), r.evseId, TokenRef.of(r.idToken()),
                TokenRef.of(r.groupIdToken()), r.expiresAt, r.status, r.reason, r.commandId, r.cancelCommandId,
                r.sessionId == null ? null : r.sessionId.toString(), r.requestedBy, r.createdAt, r.updatedAt,
                r.version);
    }
}
