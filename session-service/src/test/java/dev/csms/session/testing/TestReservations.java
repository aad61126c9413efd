package dev.csms.session.testing;

import dev.csms.session.authorization.ReservationGuard;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ReservationGuard} whose holds the tests set, standing in for the reservations feature. */
@Alternative
@Priority(1)
@Singleton
public class TestReservations implements ReservationGuard {

    private static final Map<String, Hold> HOLDS = new ConcurrentHashMap<>();

    public static void hold(String stationId, int evseId, Hold hold) {
        HOLDS.put(stationId + "/" + evseId, hold);
    }

    @Override
    public Uni<Optional<Hold>> holdFor(String stationId, Integer evseId) {
        return Uni.createFrom().item(Optional.ofNullable(HOLDS.get(stationId + "/" + (evseId == null ? 0 : evseId))));
    }
}
