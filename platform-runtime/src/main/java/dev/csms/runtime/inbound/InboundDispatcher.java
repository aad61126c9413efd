package dev.csms.runtime.inbound;

import dev.csms.events.EventType;
import dev.csms.events.EventTypes;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventDecodingException;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.events.ocpp.StationCall;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.events.ocpp.StationDisconnected;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Routes one {@code ocpp.inbound} record to the service's handlers ({@link InboundHandlers}): a {@link StationCall}
 * to the {@link StationCallHandler}s of its action, a {@link CommandResult} to every {@link CommandResultHandler},
 * {@link StationConnected}/{@link StationDisconnected} to every {@link ConnectionEventHandler}. A service's
 * {@code @Incoming("ocpp-inbound")} method calls {@link #route}; its offset is committed only after the returned
 * {@code Uni} completed, that is after the handlers' transactions committed (at least once).
 *
 * <p>Every handler of one record runs in one database transaction (a handler's own {@code Panache.withTransaction}
 * joins it): one commit per record instead of one per handler, and the record's effects commit together or not at
 * all. A record that cannot be decoded is logged and skipped, since it never will decode; a handler failure (the
 * database is down) rolls the record's transaction back and is retried with backoff, holding the record's station
 * ({@link InboundLanes}), so nothing is skipped.
 */
@ApplicationScoped
public class InboundDispatcher {

    private static final Logger LOG = Logger.getLogger(InboundDispatcher.class);

    private final EventCodec codec = new EventCodec();
    private final InboundHandlers handlers;

    InboundDispatcher(InboundHandlers handlers) {
        this.handlers = handlers;
    }

    /** Handles one record; completes when every handler that takes it has committed. */
    public Uni<Void> route(ConsumerRecord<String, byte[]> record) {
        Header typeHeader = record.headers().lastHeader(CloudEventHeaders.TYPE);
        String type = typeHeader == null ? null : new String(typeHeader.value(), StandardCharsets.UTF_8);
        if (EventTypes.STATION_CALL.type().equals(type)) {
            EventEnvelope<StationCall> call = decode(record, EventTypes.STATION_CALL);
            if (call == null || handlers.handlersOf(call.data().event()).isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return retried(() -> handlers.dispatch(call),
                    call.data().action() + " of station " + call.data().stationId());
        }
        if (EventTypes.COMMAND_RESULT.type().equals(type)) {
            return each(record, EventTypes.COMMAND_RESULT, handlers.resultHandlers(),
                    (handler, result) -> handler.handle(result),
                    result -> "result of command " + result.data().commandId());
        }
        if (EventTypes.STATION_CONNECTED.type().equals(type)) {
            return each(record, EventTypes.STATION_CONNECTED, handlers.connectionHandlers(),
                    ConnectionEventHandler::connected, event -> "connection of " + record.key());
        }
        if (EventTypes.STATION_DISCONNECTED.type().equals(type)) {
            return each(record, EventTypes.STATION_DISCONNECTED, handlers.connectionHandlers(),
                    ConnectionEventHandler::disconnected, event -> "disconnection of " + record.key());
        }
        return Uni.createFrom().voidItem();
    }

    private <T, H> Uni<Void> each(ConsumerRecord<String, byte[]> record, EventType<T> type, List<H> targets,
            java.util.function.BiFunction<H, EventEnvelope<T>, Uni<Void>> call,
            Function<EventEnvelope<T>, String> what) {
        if (targets.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        EventEnvelope<T> event = decode(record, type);
        if (event == null) {
            return Uni.createFrom().voidItem();
        }
        return retried(() -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (H handler : targets) {
                chain = chain.chain(() -> call.apply(handler, event));
            }
            return chain;
        }, what.apply(event));
    }

    private <T> EventEnvelope<T> decode(ConsumerRecord<String, byte[]> record, EventType<T> type) {
        try {
            return codec.fromRecord(record, type);
        } catch (EventDecodingException e) {
            LOG.warnf("skipping undecodable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return null;
        }
    }

    /** One transaction for every handler of the record (each handler's own withTransaction joins it). */
    private static Uni<Void> retried(Supplier<Uni<? extends Void>> work, String what) {
        return Uni.createFrom().<Void>deferred(() -> Panache.<Void>withTransaction(() -> work.get().replaceWithVoid()))
                .onFailure().invoke(failure -> LOG.warnf("handling %s failed, retrying: %s", what, failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }
}
