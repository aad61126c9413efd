package dev.csms.session.messaging;

import dev.csms.runtime.inbound.InboundDispatcher;
import dev.csms.runtime.inbound.InboundLanes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads {@code ocpp.inbound} in the consumer group {@code session-service}: records of different stations are
 * processed side by side, each station's in order ({@link InboundLanes}), each by the shared
 * {@link InboundDispatcher}, which calls this service's handlers ({@code dev.csms.runtime.inbound}); a record is
 * acknowledged, and its offset committed, after they committed.
 */
@ApplicationScoped
public class InboundConsumer {

    private final InboundDispatcher dispatcher;
    private final InboundLanes lanes;

    InboundConsumer(InboundDispatcher dispatcher, InboundLanes lanes) {
        this.dispatcher = dispatcher;
        this.lanes = lanes;
    }

    @Incoming("ocpp-inbound")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> consume(Message<byte[]> message) {
        return lanes.process(message, dispatcher::route);
    }
}
