package dev.csms.device.handler;

import dev.csms.device.status.StationPresence;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.events.ocpp.StationDisconnected;
import dev.csms.runtime.inbound.ConnectionEventHandler;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * Online/offline from the gateway's connection events. An event older than the newest epoch seen for the station is
 * ignored (a disconnect of a superseded connection arriving after the reconnect); a disconnect of the current epoch
 * marks the station offline. Idempotent: a redelivered event writes the same state again.
 */
@ApplicationScoped
public class StationPresenceHandler implements ConnectionEventHandler {

    private final Clock clock;

    StationPresenceHandler(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Void> connected(EventEnvelope<StationConnected> event) {
        StationConnected c = event.data();
        return apply(c.stationId(), c.connectionEpoch(), p -> {
            p.online = true;
            p.gatewayId = c.gatewayId();
            p.ocppVersion = c.ocppVersion().label();
            p.remoteAddress = c.remoteAddress();
            p.connectedAt = c.connectedAt();
            p.disconnectedAt = null;
            p.disconnectReason = null;
        });
    }

    @Override
    public Uni<Void> disconnected(EventEnvelope<StationDisconnected> event) {
        StationDisconnected d = event.data();
        return apply(d.stationId(), d.connectionEpoch(), p -> {
            p.online = false;
            p.gatewayId = d.gatewayId();
            p.disconnectedAt = d.disconnectedAt();
            p.disconnectReason = d.reason().name();
        });
    }

    private Uni<Void> apply(String stationId, long epoch, Consumer<StationPresence> change) {
        return Panache.withTransaction(() -> StationPresence.<StationPresence>findById(stationId,
                LockModeType.PESSIMISTIC_WRITE).chain(found -> {
                    if (found != null && found.connectionEpoch > epoch) {
                        return Uni.createFrom().voidItem(); // an older connection's event: the station reconnected
                    }
                    StationPresence presence = found != null ? found : new StationPresence();
                    presence.stationId = stationId;
                    presence.connectionEpoch = epoch;
                    change.accept(presence);
                    presence.updatedAt = clock.instant();
                    return found != null ? Uni.createFrom().voidItem() : presence.persist().replaceWithVoid();
                }));
    }
}
