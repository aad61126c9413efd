package dev.csms.runtime.inbound;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.impl.VertxInternal;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Processes {@code ocpp.inbound} records concurrently across stations and in order per station: one lane per record
 * key (the station id), at most {@code csms.inbound.max-in-flight} records in flight in all lanes together
 * ({@link InboundConfig}). A service's {@code @Incoming("ocpp-inbound")} method (with manual acknowledgement) passes
 * each message to {@link #process}; the returned {@code Uni} completes as soon as the record has a place, which is
 * SmallRye's cue to deliver the next one, and the message is acknowledged when its work completed, so the throttled
 * commit strategy commits an offset only once every record before it was processed (at least once, as before).
 *
 * <p>Kafka orders records only per key within a partition, and the partitions of one topic are processed by
 * several replicas at once, so no handler may depend on an order across stations: running stations side by side
 * within one replica adds no new interleaving, it only stops a slow station (or a slow database round trip) from
 * holding every other station of its partition. Each record runs on its own duplicated Vert.x context (a reactive
 * Hibernate session belongs to one context, so concurrent records never share one), on the event loop its lane's key
 * hashes to.
 */
@ApplicationScoped
public class InboundLanes {

    private static final Logger LOG = Logger.getLogger(InboundLanes.class);

    private final int maxInFlight;
    private final Object lock = new Object();
    private final Map<String, Queue<Runnable>> lanes = new HashMap<>();
    private final Queue<Runnable> waitingForRoom = new ArrayDeque<>();
    private final List<Context> eventLoops;
    private int inFlight;

    InboundLanes(InboundConfig config, Vertx vertx) {
        if (config.maxInFlight() < 1) {
            throw new IllegalArgumentException("csms.inbound.max-in-flight must be at least 1, was "
                    + config.maxInFlight());
        }
        this.maxInFlight = config.maxInFlight();
        this.eventLoops = eventLoopContexts(vertx);
    }

    /**
     * Takes a message of {@code ocpp.inbound} (from the Kafka connector, so it carries its record) and runs the work
     * for its record in the record key's lane; acknowledges the message when the work completed, negatively when it
     * failed. Completes when the record has been given a place (at once unless {@code max-in-flight} records are
     * in flight).
     */
    public Uni<Void> process(Message<?> message, Function<ConsumerRecord<String, byte[]>, Uni<Void>> work) {
        ConsumerRecord<String, byte[]> record = recordOf(message);
        Runnable start = () -> run(record, message, work);
        return Uni.createFrom().emitter(admitted -> {
            boolean now;
            synchronized (lock) {
                now = inFlight < maxInFlight;
                if (now) {
                    admit(record.key(), start);
                } else {
                    waitingForRoom.add(() -> {
                        admit(record.key(), start);
                        admitted.complete(null);
                    });
                }
            }
            if (now) {
                admitted.complete(null);
            }
        });
    }

    /** Records in flight now (running or waiting in their lane behind an earlier record of the same station). */
    public int inFlight() {
        synchronized (lock) {
            return inFlight;
        }
    }

    /** Under the lock: the record is in flight; it starts now when its lane is idle, else after its predecessors. */
    private void admit(String key, Runnable start) {
        inFlight++;
        String lane = key == null ? "" : key;
        Queue<Runnable> queue = lanes.get(lane);
        if (queue == null) {
            lanes.put(lane, new ArrayDeque<>());
            start.run(); // only schedules the work on its context
        } else {
            queue.add(start);
        }
    }

    private void run(ConsumerRecord<String, byte[]> record, Message<?> message,
            Function<ConsumerRecord<String, byte[]>, Uni<Void>> work) {
        Context context = VertxContext.createNewDuplicatedContext(eventLoopOf(record.key()));
        // Ours alone (Hibernate Reactive Panache only opens a session on a context flagged as safe).
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().deferred(() -> work.apply(record))
                .subscribe().with(
                        done -> finished(record, Uni.createFrom().completionStage(message.ack())),
                        failure -> {
                            LOG.errorf(failure, "processing %s-%d@%d failed", record.topic(), record.partition(),
                                    record.offset());
                            finished(record, Uni.createFrom().completionStage(message.nack(failure)));
                        }));
    }

    private void finished(ConsumerRecord<String, byte[]> record, Uni<Void> acknowledgement) {
        acknowledgement.subscribe().with(ignored -> { }, failure -> LOG.warnf("acknowledging %s-%d@%d failed: %s",
                record.topic(), record.partition(), record.offset(), failure.toString()));
        Runnable next;
        synchronized (lock) {
            inFlight--;
            String lane = record.key() == null ? "" : record.key();
            Queue<Runnable> queue = lanes.get(lane);
            next = queue == null ? null : queue.poll();
            if (next == null) {
                lanes.remove(lane);
            }
            Runnable waiting = inFlight < maxInFlight ? waitingForRoom.poll() : null;
            if (waiting != null) {
                waiting.run(); // admits the waiting record (under the lock) and completes its Uni
            }
        }
        if (next != null) {
            next.run();
        }
    }

    /** The event loop a key's records run on: one per key, spread over every event loop of the Vert.x instance. */
    private Context eventLoopOf(String key) {
        return eventLoops.get(Math.floorMod(key == null ? 0 : key.hashCode(), eventLoops.size()));
    }

    /**
     * One context per event loop. Internal API, on purpose: getOrCreateContext() sticks to the calling thread's
     * context, while this spreads the lanes over all event loops (round-robin, one context per loop).
     */
    private static List<Context> eventLoopContexts(Vertx vertx) {
        VertxInternal internal = (VertxInternal) vertx;
        List<Context> contexts = new ArrayList<>();
        for (var ignored : internal.getEventLoopGroup()) {
            contexts.add(internal.createEventLoopContext());
        }
        return List.copyOf(contexts);
    }

    @SuppressWarnings("unchecked")
    private static ConsumerRecord<String, byte[]> recordOf(Message<?> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> (ConsumerRecord<String, byte[]>) metadata.getRecord())
                .orElseThrow(() -> new IllegalArgumentException("not a message of the Kafka connector: " + message));
    }
}
