package dev.csms.device.batch;

import dev.csms.device.config.DeviceConfig;
import dev.csms.device.handler.BootLoopHandler;
import dev.csms.device.handler.BootNotificationHandler;
import dev.csms.device.handler.ConnectionAlertHandler;
import dev.csms.device.handler.StationPresenceHandler;
import dev.csms.device.handler.StatusNotificationHandler;
import dev.csms.events.EventTypes;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventDecodingException;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.events.ocpp.StationDisconnected;
import dev.csms.ocpp.canonical.StationEvent;
import dev.csms.ocpp.canonical.StationEvent.BootNotification;
import dev.csms.ocpp.canonical.StationEvent.StatusNotification;
import dev.csms.runtime.inbound.InboundDispatcher;
import dev.csms.runtime.inbound.InboundHandlers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Group commit for the records of a reconnect (docs/adr/0006): StationConnected, StationDisconnected,
 * BootNotification and StatusNotification records of different stations are written together, one transaction and
 * a few set-based statements ({@link BatchWriter}) for every record that arrived while the previous batch was being
 * written, at most {@code csms.device.inbound-batch.max-records}. A record's {@code Uni} completes when its batch
 * committed, so its offset is still committed only after its effects (at least once). A record the batch does not
 * cover (it raises or clears an alert, an unknown station boots, ...) and every record of a batch that failed go to
 * the per-record path ({@link InboundDispatcher}, its handlers in a transaction of its own, retried with backoff),
 * on the record's own Vert.x context.
 *
 * <p>The batch writes what these handlers write, so the service refuses to start when the handlers of these records
 * are not exactly the ones {@link BatchWriter} stands in for: a new handler must be added to the batch path (or the
 * batch path switched off) on purpose.
 */
@Startup // eager: the handler check must stop the start, and the meters exist before the first record
@ApplicationScoped
public class InboundBatcher {

    private static final Logger LOG = Logger.getLogger(InboundBatcher.class);
    private static final Set<String> BATCHED_ACTIONS = Set.of("BootNotification", "StatusNotification");
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(30);

    private final boolean enabled;
    private final int maxRecords;
    private final Pool pool;
    private final BatchWriter writer;
    private final InboundDispatcher dispatcher;
    private final Vertx vertx;
    private final EventCodec codec = new EventCodec();
    private final DistributionSummary batchSizes;
    private final Counter perRecord;
    private final Counter failedBatches;
    private final Object lock = new Object();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private boolean writing;

    InboundBatcher(DeviceConfig config, Pool pool, BatchWriter writer, InboundDispatcher dispatcher,
            InboundHandlers handlers, Vertx vertx, MeterRegistry registry) {
        this.enabled = config.inboundBatch().enabled();
        this.maxRecords = config.inboundBatch().maxRecords();
        this.pool = pool;
        this.writer = writer;
        this.dispatcher = dispatcher;
        this.vertx = vertx;
        if (enabled) {
            requireHandlers("StationConnected/StationDisconnected", handlers.connectionHandlerNames(),
                    ConnectionAlertHandler.class, StationPresenceHandler.class);
            requireHandlers("BootNotification", handlers.handlerNamesOf(BootNotification.class),
                    BootLoopHandler.class, BootNotificationHandler.class);
            requireHandlers("StatusNotification", handlers.handlerNamesOf(StatusNotification.class),
                    StatusNotificationHandler.class);
        }
        this.batchSizes = DistributionSummary.builder("csms.device.inbound.batch.records")
                .description("Records written in one batched transaction").register(registry);
        this.perRecord = Counter.builder("csms.device.inbound.batch.per.record")
                .description("Records of the batched kinds handed to the per-record path (alert work, unknown "
                        + "station, past deadline, failed batch)")
                .register(registry);
        this.failedBatches = Counter.builder("csms.device.inbound.batch.failed")
                .description("Batched transactions that failed (their records went to the per-record path)")
                .register(registry);
    }

    /** Fails unless the handlers are exactly the covered classes (package-private for its test). */
    static void requireHandlers(String what, List<String> actual, Class<?>... covered) {
        List<String> expected = Arrays.stream(covered).map(Class::getName).sorted().toList();
        if (!actual.stream().sorted().toList().equals(expected)) {
            throw new IllegalStateException("The batched inbound path writes what " + expected + " write for "
                    + what + ", but the handlers are " + actual + ": add the new handler's work to "
                    + BatchWriter.class.getName() + " or set csms.device.inbound-batch.enabled=false");
        }
    }

    /** Whether the record goes the batched way (decided from its headers, without decoding it). */
    public boolean takes(ConsumerRecord<String, byte[]> record) {
        if (!enabled || record.value() == null) {
            return false;
        }
        String type = header(record, CloudEventHeaders.TYPE);
        if (EventTypes.STATION_CONNECTED.type().equals(type) || EventTypes.STATION_DISCONNECTED.type().equals(type)) {
            return true;
        }
        return EventTypes.STATION_CALL.type().equals(type)
                && BATCHED_ACTIONS.contains(header(record, CloudEventHeaders.PREFIX + CloudEventHeaders.OCPP_ACTION));
    }

    /**
     * Writes the record with the next batch; completes when it committed (or when the per-record path handled it).
     */
    public Uni<Void> submit(ConsumerRecord<String, byte[]> record) {
        BatchItem item = decode(record);
        if (item == null) {
            return dispatcher.route(record); // it logs and skips an undecodable record, or handles an odd one
        }
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> {
            List<Pending> batch = null;
            synchronized (lock) {
                queue.add(new Pending(item, emitter, context));
                if (!writing) {
                    writing = true;
                    batch = take();
                }
            }
            if (batch != null) {
                write(batch);
            }
        });
    }

    private record Pending(BatchItem item, UniEmitter<? super Void> emitter, Context context) {
    }

    /** Under the lock: the next batch. */
    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>(Math.min(queue.size(), maxRecords));
        while (!queue.isEmpty() && batch.size() < maxRecords) {
            batch.add(queue.poll());
        }
        return batch;
    }

    private void write(List<Pending> batch) {
        List<BatchItem> items = new ArrayList<>(batch.size());
        for (Pending pending : batch) {
            items.add(pending.item());
        }
        batchSizes.record(items.size());
        Uni.createFrom().deferred(() -> pool.withTransaction(connection -> writer.write(connection, items)))
                // a batch holds every batched record behind it: one that hangs (a lock held elsewhere) counts as
                // failed, and its records go their own way (they are idempotent if it commits after all)
                .ifNoItem().after(BATCH_TIMEOUT).fail()
                .subscribe().with(left -> {
                    Set<BatchItem> leftSet = Collections.newSetFromMap(new IdentityHashMap<>());
                    leftSet.addAll(left);
                    for (Pending pending : batch) {
                        if (leftSet.contains(pending.item())) {
                            perRecord(pending);
                        } else {
                            pending.emitter().complete(null);
                        }
                    }
                    next();
                }, failure -> {
                    failedBatches.increment();
                    LOG.warnf("a batch of %d inbound records failed, each goes the per-record way: %s", batch.size(),
                            failure.toString());
                    batch.forEach(this::perRecord);
                    next();
                });
    }

    private void next() {
        List<Pending> batch;
        synchronized (lock) {
            if (queue.isEmpty()) {
                writing = false;
                return;
            }
            batch = take();
        }
        write(batch);
    }

    /** Through the record's handlers, on the record's own context (a Hibernate Reactive session is per context). */
    private void perRecord(Pending pending) {
        perRecord.increment();
        Context context = pending.context();
        if (context == null) {
            context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
        }
        context.runOnContext(ignored -> Uni.createFrom().deferred(() -> dispatcher.route(pending.item().record()))
                .subscribe().with(done -> pending.emitter().complete(null), pending.emitter()::fail));
    }

    private BatchItem decode(ConsumerRecord<String, byte[]> record) {
        try {
            EventEnvelope<?> envelope = codec.fromRecord(record);
            Object data = envelope.data();
            if (data instanceof StationConnected connected) {
                return new BatchItem.Connected(record, connected);
            }
            if (data instanceof StationDisconnected disconnected) {
                return new BatchItem.Disconnected(record, disconnected);
            }
            if (data instanceof StationCall call) {
                @SuppressWarnings("unchecked")
                EventEnvelope<StationCall> envelopeOfCall = (EventEnvelope<StationCall>) envelope;
                StationEvent event = call.event();
                if (event instanceof StatusNotification status) {
                    return new BatchItem.Status(record, envelopeOfCall, status);
                }
                if (event instanceof BootNotification boot) {
                    return new BatchItem.Boot(record, envelopeOfCall, boot);
                }
            }
            return null;
        } catch (EventDecodingException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
