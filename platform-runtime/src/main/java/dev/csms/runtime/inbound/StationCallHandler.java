package dev.csms.runtime.inbound;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.StationEvent;
import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * Handles the station calls of one OCPP action: a CDI bean ({@code @ApplicationScoped}) implementing this is found
 * by {@link InboundHandlers} and called by {@link InboundDispatcher} for every {@link StationCall} whose canonical
 * event is {@link #eventClass()} (and, for {@link StationEvent.RawStationMessage}, whose action is
 * {@link #rawAction()}). Adding a handler is adding a class; the consumer does not change.
 *
 * <p>Contract: the call is delivered at least once, so {@link #handle} is idempotent; it commits its state change
 * and any answer or event (outbox) in one transaction; a failed {@code Uni} is retried with backoff while the
 * partition waits. Several handlers may take the same action (they run one after the other, ordered by class name),
 * but only the action's owner answers a call that awaits a decision.
 *
 * @param <E> the canonical event type
 */
public interface StationCallHandler<E extends StationEvent> {

    /** The canonical event this handler takes. */
    Class<E> eventClass();

    /** For handlers of {@link StationEvent.RawStationMessage}: the OCPP action taken; empty otherwise. */
    default Optional<String> rawAction() {
        return Optional.empty();
    }

    /**
     * Handles one call.
     *
     * @param call  the StationCall as received (its id is the correlation id of an answer)
     * @param event {@code call.data().event()}, typed
     */
    Uni<Void> handle(EventEnvelope<StationCall> call, E event);
}
