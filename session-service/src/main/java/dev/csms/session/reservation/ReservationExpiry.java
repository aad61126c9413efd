package dev.csms.session.reservation;

import dev.csms.runtime.leader.LeaderStatus;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Every {@code csms.session.reservation.expiry-check-interval} the leader (one replica; always this one in the
 * embedded default) marks the reservations past their expiry Expired, so they stop holding their EVSE in
 * the guard's view too (which also checks the expiry itself, so a late sweep never holds an EVSE too long).
 */
@ApplicationScoped
public class ReservationExpiry {

    private static final Logger LOG = Logger.getLogger(ReservationExpiry.class);

    private final Reservations reservations;
    private final LeaderStatus leader;

    ReservationExpiry(Reservations reservations, LeaderStatus leader) {
        this.reservations = reservations;
        this.leader = leader;
    }

    @Scheduled(every = "${csms.session.reservation.expiry-check-interval:30s}",
            delayed = "${csms.session.reservation.expiry-check-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        if (!leader.isLeader()) {
            return Uni.createFrom().voidItem();
        }
        return reservations.expire().onFailure()
                .invoke(e -> LOG.warnf("reservation expiry sweep failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
