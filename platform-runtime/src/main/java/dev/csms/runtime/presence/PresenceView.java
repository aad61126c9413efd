package dev.csms.runtime.presence;

import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventDecodingException;
import dev.csms.events.ocpp.Presence;
import dev.csms.runtime.kafka.KafkaClients;
import dev.csms.runtime.kafka.TopicReader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Which gateway holds which station's connection: every replica reads the compacted topic {@code ocpp.presence}
 * from the beginning into memory and follows it. A tombstone removes a station. Of two presences of a station the
 * one with the greater connection epoch wins, whatever order they arrive in. Readiness ({@code presence-view})
 * stays DOWN until the view has read everything that was on the topic at startup.
 *
 * <p>Enable with {@code csms.presence.enabled=true}.
 */
@ApplicationScoped
public class PresenceView {

    private static final Logger LOG = Logger.getLogger(PresenceView.class);

    private final PresenceConfig config;
    private final KafkaClients kafka;
    private final Topics topics;
    private final EventCodec codec = new EventCodec();
    private final Map<String, Presence> presences = new ConcurrentHashMap<>();
    /** The greatest epoch seen per station, kept after a tombstone so that a late older presence cannot revive it. */
    private final Map<String, Long> epochs = new ConcurrentHashMap<>();
    private volatile TopicReader reader;

    PresenceView(PresenceConfig config, KafkaClients kafka, Topics topics) {
        this.config = config;
        this.kafka = kafka;
        this.topics = topics;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            reader = new TopicReader(topics.presence(), TopicReader.StartAt.BEGINNING,
                    () -> kafka.readerConsumer("csms-presence-view"), this::apply).start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (reader != null) {
            reader.close();
        }
    }

    /** Whether a gateway holds a connection of the station. */
    public boolean isConnected(String stationId) {
        return get(stationId).isPresent();
    }

    /** The station's current presence, empty when it is not connected (as far as this view has read). */
    public Optional<Presence> get(String stationId) {
        requireEnabled();
        return Optional.ofNullable(presences.get(stationId));
    }

    /** How many stations are connected. */
    public int connectedCount() {
        requireEnabled();
        return presences.size();
    }

    /** Whether the view has read everything that was on the topic when the service started. */
    public boolean isCaughtUp() {
        return reader != null && reader.isCaughtUp();
    }

    String status() {
        return reader == null ? "disabled" : reader.status();
    }

    boolean isEnabled() {
        return config.enabled();
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        String stationId = record.key();
        if (stationId == null) {
            LOG.warnf("Skipping a presence without key at %s-%d@%d", record.topic(), record.partition(), record.offset());
            return;
        }
        if (EventCodec.isTombstone(record)) {
            presences.remove(stationId);
            return;
        }
        Presence presence;
        try {
            presence = codec.fromRecord(record, EventTypes.PRESENCE).data();
        } catch (EventDecodingException e) {
            LOG.warnf("Skipping an unreadable presence of %s at %s-%d@%d: %s", stationId, record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return;
        }
        long newest = epochs.merge(stationId, presence.connectionEpoch(), Math::max);
        if (presence.connectionEpoch() == newest) {
            presences.put(stationId, presence);
        }
    }

    private void requireEnabled() {
        if (!config.enabled()) {
            throw new IllegalStateException("the presence view is off: set csms.presence.enabled=true");
        }
    }
}
