package dev.csms.runtime.command;

import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventDecodingException;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.Command;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.kafka.KafkaClients;
import dev.csms.runtime.kafka.TopicReader;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Sends a command to a station and waits for its result: publishes a {@code Command} on {@code ocpp.outbound}
 * (key = station id, a new commandId, the deadline) and completes with the {@code CommandResult} of that
 * commandId from {@code ocpp.inbound}. Every command ends with exactly one result from the gateway (Answered,
 * CallError, Timeout, StationOffline, ...), so a result that does not arrive by the deadline plus
 * {@code csms.commands.result-grace} fails the {@link Uni} with {@link CommandTimeoutException}.
 *
 * <p>Each replica follows all of {@code ocpp.inbound} from its end (reading only the headers of records that are
 * not command results), because a result lands on the partition of its station, not at the replica that sent the
 * command. The reader starts with the first command.
 */
@ApplicationScoped
public class CommandClient {

    private static final Logger LOG = Logger.getLogger(CommandClient.class);
    private static final byte[] RESULT_TYPE = EventTypes.COMMAND_RESULT.type().getBytes(StandardCharsets.UTF_8);

    private final CommandConfig config;
    private final KafkaClients kafka;
    private final Topics topics;
    private final Clock clock;
    private final EventCodec codec = new EventCodec();
    private final String source;
    private final Map<String, CompletableFuture<CommandResult>> pending = new ConcurrentHashMap<>();
    /** KafkaProducer.send can block on metadata; it never runs on the caller's (event loop) thread. */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "csms-command-sender");
        t.setDaemon(true);
        return t;
    });
    private KafkaProducer<String, byte[]> producer;
    private TopicReader results;

    CommandClient(CommandConfig config, KafkaClients kafka, Topics topics, Clock clock) {
        this.config = config;
        this.kafka = kafka;
        this.topics = topics;
        this.clock = clock;
        this.source = CommandEnvelopes.source(config.origin());
    }

    /**
     * Sends a command and waits for its result.
     *
     * @param stationId the station
     * @param command the canonical command
     * @param deadline how long the station has to answer; the gateway ends the command as Timeout after it
     * @return the result, emitted on the caller's Vert.x context when there is one; fails with
     *         {@link CommandTimeoutException} when no result arrives by deadline + grace, or with the Kafka error
     *         when the command could not be published
     */
    public Uni<CommandResult> send(String stationId, StationCommand command, Duration deadline) {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(command, "command");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive: " + deadline);
        }
        Context context = Vertx.currentContext();
        Executor emitter = context == null ? Infrastructure.getDefaultExecutor()
                : task -> context.runOnContext(ignored -> task.run());
        Instant now = clock.instant();
        Instant due = now.plus(deadline);
        String commandId = UUID.randomUUID().toString();
        EventEnvelope<Command> envelope = CommandEnvelopes.command(source, config.origin(), commandId, stationId,
                command, now, due, clock);
        return Uni.createFrom().completionStage(() -> publishAndAwait(commandId, topics.outbound(), envelope))
                .ifNoItem().after(deadline.plus(config.resultGrace()))
                .failWith(() -> new CommandTimeoutException(commandId, stationId, due, config.resultGrace()))
                .onTermination().invoke(() -> pending.remove(commandId))
                .emitOn(emitter);
    }

    void onStop(@Observes ShutdownEvent event) {
        TopicReader reader;
        KafkaProducer<String, byte[]> p;
        synchronized (this) {
            reader = results;
            p = producer;
        }
        if (reader != null) {
            reader.close();
        }
        pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("the service is stopping")));
        sender.shutdown();
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    private CompletionStage<CommandResult> publishAndAwait(String commandId, String topic, EventEnvelope<Command> envelope) {
        CompletableFuture<CommandResult> result = new CompletableFuture<>();
        pending.put(commandId, result);
        // The result reader must have fixed its position before the command leaves, or a fast result is missed.
        resultReader().caughtUp()
                .thenRunAsync(() -> producer().send(codec.toRecord(topic, envelope), (metadata, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    }
                }), sender)
                .exceptionally(error -> {
                    result.completeExceptionally(error);
                    return null;
                });
        return result;
    }

    private void onResult(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (type == null || !Arrays.equals(type.value(), RESULT_TYPE) || pending.isEmpty()) {
            return;
        }
        CommandResult result;
        try {
            result = codec.fromRecord(record, EventTypes.COMMAND_RESULT).data();
        } catch (EventDecodingException e) {
            LOG.warnf("Skipping an unreadable command result at %s-%d@%d: %s", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        CompletableFuture<CommandResult> waiting = pending.remove(result.commandId());
        if (waiting != null) {
            waiting.complete(result);
        }
    }

    private synchronized TopicReader resultReader() {
        if (results == null) {
            results = new TopicReader(topics.inbound(), TopicReader.StartAt.END,
                    () -> kafka.readerConsumer("csms-command-results"), this::onResult).start();
        }
        return results;
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = kafka.reliableProducer("csms-commands", config.producer());
        }
        return producer;
    }
}
