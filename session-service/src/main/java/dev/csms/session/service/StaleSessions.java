package dev.csms.session.service;

import dev.csms.events.sessions.SessionEnd;
import dev.csms.events.sessions.SessionStatus;
import dev.csms.runtime.leader.LeaderStatus;
import dev.csms.runtime.outbox.Outbox;
import dev.csms.session.config.SessionConfig;
import dev.csms.session.model.ChargingSession;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The "zombie transaction" guard. A session with no news for {@code csms.session.stale-after} becomes Stale (the
 * leader's sweep): it no longer counts as its token's running session. A stale session ends when its station
 * reboots (BootNotification) or its connector reports Available, since either proves the transaction is over; a
 * stop that arrives later still corrects it (a new SessionEnded).
 */
@ApplicationScoped
public class StaleSessions {

    private static final Logger LOG = Logger.getLogger(StaleSessions.class);
    private static final int BATCH = 500;

    private final SessionRecords records;
    private final Outbox outbox;
    private final LeaderStatus leader;
    private final SessionConfig config;
    private final Clock clock;

    StaleSessions(SessionRecords records, Outbox outbox, LeaderStatus leader, SessionConfig config, Clock clock) {
        this.records = records;
        this.outbox = outbox;
        this.leader = leader;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${csms.session.stale-check-interval:60s}", delayed = "${csms.session.stale-check-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        if (!leader.isLeader()) {
            return Uni.createFrom().voidItem();
        }
        return markStale().onFailure().invoke(e -> LOG.warnf("stale session sweep failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Marks the sessions without news for longer than the stale timeout as Stale; returns how many. */
    public Uni<Integer> markStale() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(config.staleAfter());
        return Panache.withTransaction(() -> ChargingSession.<ChargingSession>find(
                        "status = ?1 and lastSeenAt < ?2 order by lastSeenAt", SessionStatus.Active, cutoff)
                .withLock(LockModeType.PESSIMISTIC_WRITE).range(0, BATCH - 1).list().chain(sessions -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (ChargingSession s : sessions) {
                        s.status = SessionStatus.Stale;
                        s.version++;
                        s.updatePublishedAt = now;
                        chain = chain.chain(() -> outbox.enqueue(records.updated(s)));
                    }
                    return chain.replaceWith(sessions.size());
                }));
    }

    /**
     * Ends the stale sessions of a station, or of one EVSE of it, whose last news is older than {@code at}.
     *
     * @param evseId null or 0 for every EVSE of the station
     */
    public Uni<Integer> close(String stationId, Integer evseId, SessionEnd by, Instant at) {
        boolean wholeStation = evseId == null || evseId == 0;
        String query = "stationId = ?1 and status = ?2 and lastEventAt <= ?3" + (wholeStation ? "" : " and evseId = ?4");
        Object[] params = wholeStation ? new Object[] { stationId, SessionStatus.Stale, at }
                : new Object[] { stationId, SessionStatus.Stale, at, evseId };
        return Panache.withTransaction(() -> ChargingSession.<ChargingSession>find(query, params)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().chain(sessions -> end(sessions, by, at)));
    }

    private Uni<Integer> end(List<ChargingSession> sessions, SessionEnd by, Instant at) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ChargingSession s : sessions) {
            s.status = SessionStatus.Ended;
            s.endedAt = at;
            s.endedBy = by;
            s.orphan = !s.startSeen;
            s.version++;
            chain = chain.chain(() -> outbox.enqueue(records.ended(s)));
        }
        return chain.replaceWith(sessions.size());
    }
}
