package dev.csms.device.messaging;

import dev.csms.device.batch.InboundBatcher;
import dev.csms.device.status.LastSeen;
import dev.csms.events.EventTypes;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.runtime.inbound.InboundDispatcher;
import dev.csms.runtime.inbound.InboundLanes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code ocpp.inbound} in the consumer group {@code device-service}: records of different stations are
 * processed side by side, each station's in order ({@link InboundLanes}), each by the shared
 * {@link InboundDispatcher}, which calls this service's handlers ({@code dev.csms.runtime.inbound}), except the
 * records of a reconnect (connection events, BootNotification, StatusNotification), which {@link InboundBatcher}
 * writes several stations at a time (docs/adr/0006); a record is acknowledged, and its offset committed, after its
 * effects committed. Every StationCall also notes the station's last seen
 * time (from the record's timestamp, without decoding the record; written in batches by {@link LastSeen}).
 */
@ApplicationScoped
public class InboundConsumer {

    private final InboundDispatcher dispatcher;
    private final InboundBatcher batcher;
    private final InboundLanes lanes;
    private final LastSeen lastSeen;

    InboundConsumer(InboundDispatcher dispatcher, InboundBatcher batcher, InboundLanes lanes, LastSeen lastSeen) {
        this.dispatcher = dispatcher;
        this.batcher = batcher;
        this.lanes = lanes;
        this.lastSeen = lastSeen;
    }

    @Incoming("ocpp-inbound")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(Message<byte[]> message) {
        return lanes.process(message, this::handle);
    }

    private Uni<Void> handle(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (record.key() != null && type != null
                && EventTypes.STATION_CALL.type().equals(new String(type.value(), StandardCharsets.UTF_8))) {
            lastSeen.seen(record.key(), Instant.ofEpochMilli(record.timestamp()));
        }
        return batcher.takes(record) ? batcher.submit(record) : dispatcher.route(record);
    }
}
