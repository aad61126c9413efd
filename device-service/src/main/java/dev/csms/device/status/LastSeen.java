package dev.csms.device.status;

import dev.csms.device.config.DeviceConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * When each station last sent a message (table {@code station_last_seen}). Every StationCall passes here, which
 * costs no database round trip: the time is noted in memory, and a timer writes every noted station in one statement
 * every {@code csms.device.status.last-seen-flush-interval}. A station is noted at most once per
 * {@code csms.device.status.last-seen-interval} by this replica (the time of the last note is kept in memory, one
 * entry per station seen), and a write never moves the time back. Best effort: a failed write is logged and its
 * stations are noted again by their next message; what was noted since the last flush is lost when the process dies
 * (last seen is accurate to the two intervals, not a record of every message).
 */
@ApplicationScoped
public class LastSeen {

    private static final Logger LOG = Logger.getLogger(LastSeen.class);
    private static final String UPSERT = "insert into station_last_seen (station_id, last_seen_at) "
            + "select * from unnest($1::text[], $2::timestamptz[]) on conflict (station_id) do update "
            + "set last_seen_at = greatest(station_last_seen.last_seen_at, excluded.last_seen_at)";
    private static final int MAX_ROWS_PER_STATEMENT = 5_000;

    private final Duration interval;
    private final Duration flushInterval;
    private final Pool pool;
    private final Vertx vertx;
    private final Map<String, Instant> noted = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private Map<String, Instant> pending = new HashMap<>();
    private long timer = -1;

    LastSeen(DeviceConfig config, Pool pool, Vertx vertx) {
        this.interval = config.status().lastSeenInterval();
        this.flushInterval = config.status().lastSeenFlushInterval();
        this.pool = pool;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(flushInterval.toMillis(), id -> flush().subscribe().with(ignored -> { }));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        // Best effort: what was noted since the last flush; bounded so that shutdown never hangs on the database.
        flush().await().atMost(Duration.ofSeconds(5));
    }

    /** The station sent a message at the time; noted for the next flush. */
    public void seen(String stationId, Instant at) {
        Instant previous = noted.get(stationId);
        if (previous != null && at.isBefore(previous.plus(interval))) {
            return;
        }
        noted.put(stationId, at);
        synchronized (lock) {
            pending.merge(stationId, at, (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** Writes what was noted since the last flush; completes (never fails) when written or given up. */
    public Uni<Void> flush() {
        Map<String, Instant> batch;
        synchronized (lock) {
            if (pending.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            batch = pending;
            pending = new HashMap<>();
        }
        List<Map.Entry<String, Instant>> entries = new ArrayList<>(batch.entrySet());
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < entries.size(); from += MAX_ROWS_PER_STATEMENT) {
            List<Map.Entry<String, Instant>> slice = entries.subList(from,
                    Math.min(entries.size(), from + MAX_ROWS_PER_STATEMENT));
            chain = chain.chain(() -> write(slice));
        }
        return chain;
    }

    private Uni<Void> write(List<Map.Entry<String, Instant>> slice) {
        String[] ids = new String[slice.size()];
        OffsetDateTime[] times = new OffsetDateTime[slice.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = slice.get(i).getKey();
            times[i] = slice.get(i).getValue().atOffset(ZoneOffset.UTC);
        }
        return pool.preparedQuery(UPSERT).execute(Tuple.of(ids, times))
                .ifNoItem().after(Duration.ofSeconds(30)).fail()
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("last seen of %d station(s) not written: %s", ids.length, failure.toString());
                    for (int i = 0; i < ids.length; i++) {
                        noted.remove(ids[i], times[i].toInstant()); // noted again by the station's next message
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    /** The station's last seen time; null when it never sent anything (or not since the last flush). */
    public static Uni<Instant> of(String stationId) {
        return StationLastSeen.<StationLastSeen>findById(stationId).map(s -> s == null ? null : s.lastSeenAt);
    }
}
