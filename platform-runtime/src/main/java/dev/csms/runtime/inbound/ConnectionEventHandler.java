package dev.csms.runtime.inbound;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.events.ocpp.StationDisconnected;
import io.smallrye.mutiny.Uni;

/**
 * Receives the gateway's connection events on {@code ocpp.inbound} ({@link StationConnected},
 * {@link StationDisconnected}). Zero or more CDI beans; {@link InboundDispatcher} calls each of them, one after the
 * other, ordered by class name. Delivery is at least once (a handler is idempotent); a failed {@code Uni} is
 * retried with backoff while the partition waits.
 */
public interface ConnectionEventHandler {

    /** A station connected to a gateway replica. */
    default Uni<Void> connected(EventEnvelope<StationConnected> event) {
        return Uni.createFrom().voidItem();
    }

    /** A station's connection ended. */
    default Uni<Void> disconnected(EventEnvelope<StationDisconnected> event) {
        return Uni.createFrom().voidItem();
    }
}
