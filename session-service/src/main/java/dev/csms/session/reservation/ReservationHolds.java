package dev.csms.session.reservation;

import dev.csms.events.sessions.ReservationStatus;
import dev.csms.session.authorization.ReservationGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/**
 * The {@link ReservationGuard} backed by the reservation table: an Active reservation that has not expired holds
 * its EVSE; one for any EVSE of the station (1.6 connector 0) holds every EVSE of it. When both exist, the EVSE's
 * own reservation is the hold. Runs in the deciding transaction (the current Panache session).
 */
@ApplicationScoped
public class ReservationHolds implements ReservationGuard {

    private final Clock clock;

    ReservationHolds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Optional<Hold>> holdFor(String stationId, Integer evseId) {
        Uni<Reservation> found = evseId == null || evseId == 0
                ? Reservation.<Reservation>find("stationId = ?1 and status = ?2 and expiresAt > ?3 and evseId is null"
                        + " order by id", stationId, ReservationStatus.Active, clock.instant()).firstResult()
                : Reservation.<Reservation>find("stationId = ?1 and status = ?2 and expiresAt > ?3"
                        + " and (evseId is null or evseId = ?4) order by evseId nulls last, id", stationId,
                        ReservationStatus.Active, clock.instant(), evseId).firstResult();
        return found.map(r -> Optional.ofNullable(r).map(x -> new Hold(x.id, x.idToken(), x.groupIdToken())));
    }
}
