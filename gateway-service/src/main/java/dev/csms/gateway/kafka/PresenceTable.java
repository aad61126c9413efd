package dev.csms.gateway.kafka;

import dev.csms.events.EventTypes;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventDecodingException;
import dev.csms.events.ocpp.Presence;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which replica holds which station, from the compacted topic {@code ocpp.presence} read from the beginning. Of two
 * presences of a station the greater epoch wins, whatever their order; a tombstone removes the station. The
 * gateway uses it to close a connection another replica superseded and to decide StationOffline.
 */
public final class PresenceTable {

    private static final Logger LOG = Logger.getLogger(PresenceTable.class);

    /** What the table saw, for the connection layer. */
    public interface Listener {
        /** A presence was read (already applied). */
        void presence(Presence presence);

        /** A tombstone was read (already applied). */
        void tombstone(String stationId);
    }

    private final Map<String, Presence> byStation = new ConcurrentHashMap<>();
    private final EventCodec codec;
    private final Listener listener;

    public PresenceTable(EventCodec codec, Listener listener) {
        this.codec = codec;
        this.listener = listener;
    }

    /** The replica holding the station, as far as this table has read. */
    public Optional<Presence> get(String stationId) {
        return Optional.ofNullable(byStation.get(stationId));
    }

    public int size() {
        return byStation.size();
    }

    /** Every presence (a live view). */
    public Iterable<Presence> all() {
        return byStation.values();
    }

    /** Applies one record of {@code ocpp.presence}; runs on the follower thread. */
    public void apply(ConsumerRecord<String, byte[]> record) {
        String stationId = record.key();
        if (stationId == null) {
            return;
        }
        if (EventCodec.isTombstone(record)) {
            byStation.remove(stationId);
            listener.tombstone(stationId);
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
        byStation.merge(stationId, presence,
                (old, candidate) -> candidate.connectionEpoch() >= old.connectionEpoch() ? candidate : old);
        listener.presence(presence);
    }
}
