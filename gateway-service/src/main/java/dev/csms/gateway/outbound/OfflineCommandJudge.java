package dev.csms.gateway.outbound;

import dev.csms.events.EventTypes;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventDecodingException;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.Command;
import dev.csms.events.ocpp.CommandOutcome;
import dev.csms.gateway.kafka.PresenceTable;
import dev.csms.gateway.ws.ConnectionRegistry;
import io.vertx.core.Vertx;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Ends commands for stations that no replica holds with {@code StationOffline}. The replicas form one consumer
 * group on {@code ocpp.outbound}, so each partition, and with it each station, has exactly one judge at a time.
 * The judge of a command's partition publishes StationOffline when neither this replica nor the presence table
 * knows a holder, both when it reads the command and again after a grace period (a presence written just before
 * the command may still be on its way). The residual races are in docs/adr/0003-gateway-command-routing.md.
 */
public final class OfflineCommandJudge implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OfflineCommandJudge.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final int REMEMBERED_COMMANDS = 10_000;

    private final String topic;
    private final Supplier<Consumer<String, byte[]>> factory;
    private final ConnectionRegistry registry;
    private final PresenceTable presence;
    private final EventCodec codec;
    private final CommandDispatcher dispatcher;
    private final Vertx vertx;
    private final long graceMillis;
    private final Thread thread;
    private final Map<String, Boolean> judged = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_COMMANDS;
        }
    };
    private volatile boolean running = true;
    private volatile Consumer<String, byte[]> consumer;

    public OfflineCommandJudge(String topic, Supplier<Consumer<String, byte[]>> factory, ConnectionRegistry registry,
            PresenceTable presence, EventCodec codec, CommandDispatcher dispatcher, Vertx vertx,
            Duration grace) {
        this.topic = topic;
        this.factory = factory;
        this.registry = registry;
        this.presence = presence;
        this.codec = codec;
        this.dispatcher = dispatcher;
        this.vertx = vertx;
        this.graceMillis = Math.max(1, grace.toMillis());
        this.thread = new Thread(this::run, "csms-gateway-offline-judge");
        this.thread.setDaemon(true);
    }

    public OfflineCommandJudge start() {
        thread.start();
        return this;
    }

    @Override
    public void close() {
        running = false;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (Consumer<String, byte[]> c = factory.get()) {
            consumer = c;
            c.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, byte[]> records = c.poll(POLL);
                for (ConsumerRecord<String, byte[]> record : records) {
                    try {
                        judge(record);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Could not judge %s-%d@%d", record.topic(), record.partition(), record.offset());
                    }
                }
            }
        } catch (WakeupException e) {
            // close() ends a poll this way
        } catch (RuntimeException e) {
            LOG.errorf(e, "The offline judge stopped");
        }
    }

    @SuppressWarnings("unchecked")
    private void judge(ConsumerRecord<String, byte[]> record) {
        String stationId = record.key();
        if (stationId == null || record.value() == null || !isCommand(record) || isHeld(stationId)) {
            return;
        }
        EventEnvelope<Command> envelope;
        try {
            envelope = (EventEnvelope<Command>) codec.fromRecord(record, EventTypes.COMMAND);
        } catch (EventDecodingException e) {
            LOG.warnf("Skipping an unreadable command for %s: %s", stationId, e.getMessage());
            return;
        }
        vertx.setTimer(graceMillis, id -> recheck(envelope));
    }

    private void recheck(EventEnvelope<Command> envelope) {
        Command command = envelope.data();
        if (isHeld(command.stationId())) {
            return;
        }
        synchronized (judged) {
            if (judged.put(command.commandId(), Boolean.TRUE) != null) {
                return;
            }
        }
        dispatcher.publish(command.stationId(), envelope.id(), command, CommandOutcome.StationOffline, null, null,
                null, null, null, "no gateway holds a connection of the station");
    }

    private boolean isHeld(String stationId) {
        return registry.get(stationId).isPresent() || presence.get(stationId).isPresent();
    }

    private static boolean isCommand(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        return type != null && EventTypes.COMMAND.type().equals(new String(type.value(), StandardCharsets.UTF_8));
    }
}
