package dev.csms.device.messaging;

import dev.csms.device.handler.BootNotificationHandler;
import dev.csms.events.EventTypes;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventDecodingException;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.StationEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Reads {@code ocpp.inbound} in the consumer group {@code device-service} and hands each station call to the
 * handler of its action. The offset is committed only after the handler's transaction committed (at least once);
 * handlers are idempotent. A record that cannot be decoded is logged and skipped, since it never will decode; a
 * handler failure (the database is down) is retried with backoff, holding the partition, so nothing is skipped.
 */
@ApplicationScoped
public class InboundConsumer {

    private static final Logger LOG = Logger.getLogger(InboundConsumer.class);

    private final EventCodec codec = new EventCodec();
    private final BootNotificationHandler boot;

    InboundConsumer(BootNotificationHandler boot) {
        this.boot = boot;
    }

    @Incoming("ocpp-inbound")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (type == null || !EventTypes.STATION_CALL.type().equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return Uni.createFrom().voidItem();
        }
        EventEnvelope<StationCall> call;
        try {
            call = codec.fromRecord(record, EventTypes.STATION_CALL);
        } catch (EventDecodingException e) {
            LOG.warnf("skipping undecodable record at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return Uni.createFrom().voidItem();
        }
        Uni<Void> handled = dispatch(call);
        return handled.onFailure().invoke(failure -> LOG.warnf("handling %s of station %s failed, retrying: %s",
                        call.data().action(), call.data().stationId(), failure.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

    private Uni<Void> dispatch(EventEnvelope<StationCall> call) {
        if (call.data().event() instanceof StationEvent.BootNotification bootNotification) {
            return boot.handle(call, bootNotification);
        }
        return Uni.createFrom().voidItem();
    }
}
