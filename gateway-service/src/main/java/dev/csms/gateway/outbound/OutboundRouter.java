package dev.csms.gateway.outbound;

import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventDecodingException;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.Command;
import dev.csms.gateway.inbound.InboundPipeline;
import dev.csms.gateway.ws.ConnectionRegistry;
import dev.csms.gateway.ws.StationConnection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hands what services publish on {@code ocpp.outbound} to the connections of this replica: every replica reads
 * all partitions (answers and commands are a small share of the traffic) and decodes only the records of stations
 * it holds. Runs on the outbound follower's thread; each record hops to its connection's context.
 *
 * <p>A station is held here when this replica has its current connection at the moment the record is read. A
 * command is delivered once per replica even when a service's outbox published it twice (same commandId).
 */
public final class OutboundRouter {

    private static final Logger LOG = Logger.getLogger(OutboundRouter.class);
    private static final int REMEMBERED_COMMANDS = 10_000;

    private final ConnectionRegistry registry;
    private final EventCodec codec;
    private final InboundPipeline pipeline;
    private final CommandDispatcher dispatcher;
    /** Recent command ids, only touched by the follower thread. */
    private final Map<String, Boolean> recentCommands = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_COMMANDS;
        }
    };

    public OutboundRouter(ConnectionRegistry registry, EventCodec codec, InboundPipeline pipeline,
            CommandDispatcher dispatcher) {
        this.registry = registry;
        this.codec = codec;
        this.pipeline = pipeline;
        this.dispatcher = dispatcher;
    }

    /** One record of {@code ocpp.outbound}. */
    @SuppressWarnings("unchecked")
    public void apply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        Optional<StationConnection> held = registry.get(record.key());
        if (held.isEmpty()) {
            return;
        }
        EventEnvelope<?> envelope;
        try {
            envelope = codec.fromRecord(record);
        } catch (EventDecodingException e) {
            LOG.warnf("Skipping an unreadable record for %s at %s-%d@%d: %s", record.key(), record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        StationConnection connection = held.get();
        if (envelope.data() instanceof CallAnswer answer) {
            connection.run(() -> pipeline.onAnswer(connection, answer));
        } else if (envelope.data() instanceof Command command) {
            if (recentCommands.put(command.commandId(), Boolean.TRUE) != null) {
                LOG.debugf("Command %s for %s read again: already delivered", command.commandId(), record.key());
                return;
            }
            EventEnvelope<Command> commandEnvelope = (EventEnvelope<Command>) envelope;
            connection.run(() -> deliver(connection, commandEnvelope));
        } else {
            LOG.debugf("Ignoring a %s on %s", envelope.type(), record.topic());
        }
    }

    /** On the connection's context; a connection superseded here meanwhile hands over to the newer one. */
    private void deliver(StationConnection connection, EventEnvelope<Command> command) {
        if (connection.isClosed()) {
            Optional<StationConnection> current = registry.get(connection.stationId());
            if (current.isPresent() && current.get() != connection) {
                StationConnection newer = current.get();
                newer.run(() -> dispatcher.accept(newer, command));
                return;
            }
        }
        dispatcher.accept(connection, command);
    }
}
