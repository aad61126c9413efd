package dev.csms.session.authorization;

import dev.csms.ocpp.canonical.IdToken;
import io.smallrye.mutiny.Uni;
import java.util.Objects;
import java.util.Optional;

/**
 * Tells the authorization decision whether a reservation holds an EVSE. The default bean ({@link NoReservations})
 * holds nothing; the reservations feature provides the real one. {@link Authorizer} calls it inside the
 * transaction that decides, on the same Vert.x context, so an implementation may use the current Panache session.
 */
public interface ReservationGuard {

    /**
     * The reservation that holds the EVSE now, if any.
     *
     * @param stationId the station
     * @param evseId    the EVSE (1.6: the connector); null when the request names none (Authorize): then only a
     *                  reservation of the whole station (EVSE 0 / 1.6 connector 0) counts
     */
    Uni<Optional<Hold>> holdFor(String stationId, Integer evseId);

    /**
     * A reservation's hold: the EVSE accepts only its token, or any token of its group.
     *
     * @param reservationId the reservation (a transaction that names it is the reservation being used)
     * @param idToken       the token it was made for
     * @param groupIdToken  the group whose tokens may use it too; null for none
     */
    record Hold(int reservationId, IdToken idToken, IdToken groupIdToken) {
        public Hold {
            Objects.requireNonNull(idToken, "idToken");
        }
    }
}
