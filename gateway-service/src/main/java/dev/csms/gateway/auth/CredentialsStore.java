package dev.csms.gateway.auth;

import dev.csms.events.EventTypes;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventDecodingException;
import dev.csms.events.credentials.StationCredentials;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The gateway's in-memory copy of the compacted topic {@code device.credentials}: station id to
 * {@link StationCredentials}, so that authenticating a station costs no remote call. Fed by a follower thread
 * reading the topic from the beginning; read by handshakes on any thread.
 */
public final class CredentialsStore {

    private static final Logger LOG = Logger.getLogger(CredentialsStore.class);

    private final Map<String, StationCredentials> byStation = new ConcurrentHashMap<>();
    private final EventCodec codec;
    private final BiConsumer<StationCredentials, StationCredentials> onChange;

    /**
     * @param onChange called with (previous, current) after a station's credentials changed; current is null when
     *                 they were deleted; runs on the follower thread
     */
    public CredentialsStore(EventCodec codec, BiConsumer<StationCredentials, StationCredentials> onChange) {
        this.codec = codec;
        this.onChange = onChange;
    }

    /** The credentials of a station, empty when it has none. */
    public Optional<StationCredentials> get(String stationId) {
        return Optional.ofNullable(byStation.get(stationId));
    }

    /** Stations known. */
    public int size() {
        return byStation.size();
    }

    /** Applies one record of {@code device.credentials}. */
    public void apply(ConsumerRecord<String, byte[]> record) {
        String stationId = record.key();
        if (stationId == null) {
            LOG.warnf("Skipping credentials without key at %s-%d@%d", record.topic(), record.partition(),
                    record.offset());
            return;
        }
        StationCredentials previous;
        StationCredentials current = null;
        if (EventCodec.isTombstone(record)) {
            previous = byStation.remove(stationId);
        } else {
            try {
                current = codec.fromRecord(record, EventTypes.STATION_CREDENTIALS).data();
            } catch (EventDecodingException e) {
                // the hash itself is never in the message: the codec only names the broken part
                LOG.warnf("Skipping unreadable credentials of %s at %s-%d@%d: %s", stationId, record.topic(),
                        record.partition(), record.offset(), e.getMessage());
                return;
            }
            if (!current.stationId().equals(stationId)) {
                LOG.warnf("Skipping credentials keyed %s but naming station %s", stationId, current.stationId());
                return;
            }
            previous = byStation.put(stationId, current);
        }
        if (previous != null || current != null) {
            onChange.accept(previous, current);
        }
    }
}
