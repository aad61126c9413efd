package dev.csms.device.messaging;

import dev.csms.device.status.LastSeen;
import dev.csms.events.EventTypes;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.runtime.inbound.InboundDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code ocpp.inbound} in the consumer group {@code device-service} and hands each record to the shared
 * {@link InboundDispatcher}, which calls this service's handlers ({@code dev.csms.runtime.inbound}); the offset is
 * committed after they committed. Every StationCall first updates the station's last seen time (throttled, from the
 * record's timestamp, without decoding the record).
 */
@ApplicationScoped
public class InboundConsumer {

    private final InboundDispatcher dispatcher;
    private final LastSeen lastSeen;

    InboundConsumer(InboundDispatcher dispatcher, LastSeen lastSeen) {
        this.dispatcher = dispatcher;
        this.lastSeen = lastSeen;
    }

    @Incoming("ocpp-inbound")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (record.key() != null && type != null
                && EventTypes.STATION_CALL.type().equals(new String(type.value(), StandardCharsets.UTF_8))) {
            return lastSeen.seen(record.key(), Instant.ofEpochMilli(record.timestamp()))
                    .chain(() -> dispatcher.route(record));
        }
        return dispatcher.route(record);
    }
}
