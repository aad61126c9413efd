package dev.csms.session.authorization;

import dev.csms.ocpp.canonical.IdToken;
import java.util.Objects;
import java.util.UUID;

/**
 * What to decide on.
 *
 * @param stationId        the station asking
 * @param evseId           the EVSE the token wants; null when not known (Authorize)
 * @param idToken          the token
 * @param session          the session the token is used in (it does not count against the token's own limit);
 *                         null when none
 * @param reservationId    the reservation the station says the transaction uses; null for none
 * @param checkConcurrency whether a token already in other active sessions is refused (not for a stop)
 * @param checkReservation whether a reserved EVSE refuses other tokens (not for a stop)
 */
public record AuthorizationRequest(String stationId, Integer evseId, IdToken idToken, UUID session,
        Integer reservationId, boolean checkConcurrency, boolean checkReservation) {
    public AuthorizationRequest {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(idToken, "idToken");
    }

    /** To start or authorize charging. */
    public static AuthorizationRequest toStart(String stationId, Integer evseId, IdToken idToken, UUID session,
            Integer reservationId) {
        return new AuthorizationRequest(stationId, evseId, idToken, session, reservationId, true, true);
    }

    /** To stop a transaction: only the token itself counts. */
    public static AuthorizationRequest toStop(String stationId, IdToken idToken) {
        return new AuthorizationRequest(stationId, null, idToken, null, null, false, false);
    }
}
