package dev.csms.session.authorization;

import io.quarkus.arc.DefaultBean;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The {@link ReservationGuard} while no reservations feature is installed: nothing is ever held. */
@DefaultBean
@ApplicationScoped
public class NoReservations implements ReservationGuard {

    @Override
    public Uni<Optional<Hold>> holdFor(String stationId, Integer evseId) {
        return Uni.createFrom().item(Optional.empty());
    }
}
