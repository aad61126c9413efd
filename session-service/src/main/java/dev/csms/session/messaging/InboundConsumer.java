package dev.csms.session.messaging;

import dev.csms.events.EventType;
import dev.csms.events.EventTypes;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventDecodingException;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.events.ocpp.StationCall;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code ocpp.inbound} in the consumer group {@code session-service}: each {@link StationCall} goes to the
 * {@link StationCallHandler}s of its action, each {@link CommandResult} to every {@link CommandResultHandler}; other
 * records (connection events) are skipped. The offset is committed only after the handlers' transactions committed
 * (at least once). A record that cannot be decoded is logged and skipped, since it never will decode; a handler
 * failure (the database is down) is retried with backoff, holding the partition, so nothing is skipped.
 */
@ApplicationScoped
public class InboundConsumer {

    private static final Logger LOG = Logger.getLogger(InboundConsumer.class);

    private final EventCodec codec = new EventCodec();
    private final StationCallHandlers handlers;

    InboundConsumer(StationCallHandlers handlers) {
        this.handlers = handlers;
    }

    @Incoming("ocpp-inbound")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
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
        if (EventTypes.COMMAND_RESULT.type().equals(type) && !handlers.resultHandlers().isEmpty()) {
            EventEnvelope<CommandResult> result = decode(record, EventTypes.COMMAND_RESULT);
            if (result == null) {
                return Uni.createFrom().voidItem();
            }
            return retried(() -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (CommandResultHandler handler : handlers.resultHandlers()) {
                    chain = chain.chain(() -> handler.handle(result));
                }
                return chain;
            }, "result of command " + result.data().commandId());
        }
        return Uni.createFrom().voidItem();
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

    private static Uni<Void> retried(Supplier<Uni<? extends Void>> work, String what) {
        return Uni.createFrom().<Void>deferred(work)
                .onFailure().invoke(failure -> LOG.warnf("handling %s failed, retrying: %s", what, failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }
}
