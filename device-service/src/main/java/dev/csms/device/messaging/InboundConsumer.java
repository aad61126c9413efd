package dev.csms.device.messaging;

import dev.csms.runtime.inbound.InboundDispatcher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads {@code ocpp.inbound} in the consumer group {@code device-service} and hands each record to the shared
 * {@link InboundDispatcher}, which calls this service's handlers ({@code dev.csms.runtime.inbound}); the offset is
 * committed after they committed.
 */
@ApplicationScoped
public class InboundConsumer {

    private final InboundDispatcher dispatcher;

    InboundConsumer(InboundDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Incoming("ocpp-inbound")
    public Uni<Void> consume(ConsumerRecord<String, byte[]> record) {
        return dispatcher.route(record);
    }
}
