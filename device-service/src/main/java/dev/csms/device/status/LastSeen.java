package dev.csms.device.status;

import dev.csms.device.config.DeviceConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * When each station last sent a message (table {@code station_last_seen}). Every StationCall passes here, but a
 * station's row is written at most once per {@code csms.device.status.last-seen-interval} by this replica (the time
 * of the last write is kept in memory, one entry per station seen), and a write never moves the time back. Best
 * effort: a failed write is logged and does not hold the call.
 */
@ApplicationScoped
public class LastSeen {

    private static final Logger LOG = Logger.getLogger(LastSeen.class);
    private static final String UPSERT = "insert into station_last_seen (station_id, last_seen_at) "
            + "values (:station, cast(cast(:at as text) as timestamptz)) on conflict (station_id) do update "
            + "set last_seen_at = greatest(station_last_seen.last_seen_at, excluded.last_seen_at)";

    private final Duration interval;
    private final Map<String, Instant> written = new ConcurrentHashMap<>();

    LastSeen(DeviceConfig config) {
        this.interval = config.status().lastSeenInterval();
    }

    /** The station sent a message at the time. */
    public Uni<Void> seen(String stationId, Instant at) {
        Instant previous = written.get(stationId);
        if (previous != null && at.isBefore(previous.plus(interval))) {
            return Uni.createFrom().voidItem();
        }
        written.put(stationId, at);
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter("station", stationId).setParameter("at", at.toString()).executeUpdate()))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    written.remove(stationId, at);
                    LOG.warnf("last seen of station %s not written: %s", stationId, failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** The station's last seen time; null when it never sent anything. */
    public static Uni<Instant> of(String stationId) {
        return StationLastSeen.<StationLastSeen>findById(stationId).map(s -> s == null ? null : s.lastSeenAt);
    }
}
