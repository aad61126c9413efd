package dev.csms.runtime.leader;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Periodic singleton work: a round runs every interval on the leader only ({@link LeaderStatus}; always this process
 * in the embedded default), on a duplicated Vert.x context flagged safe (what Hibernate Reactive wants, as Quarkus
 * gives a request or a consumer), and a round still running when the timer fires again is not overlapped. A Vert.x
 * timer rather than the Quarkus scheduler: no extra extension in every service, and the rounds are reactive anyway.
 * The timers stop at shutdown.
 */
@ApplicationScoped
public class LeaderTimers {

    private static final Logger LOG = Logger.getLogger(LeaderTimers.class);
    private static final long MIN_INTERVAL_MS = 10;

    private final LeaderStatus leader;
    private final Vertx vertx;
    private final List<Long> timers = new CopyOnWriteArrayList<>();

    LeaderTimers(LeaderStatus leader, Vertx vertx) {
        this.leader = leader;
        this.vertx = vertx;
    }

    /**
     * Runs {@code round} every {@code interval} while this process leads; a failed round is logged with
     * {@code name} and the next one runs at the next tick.
     */
    public void every(String name, Duration interval, Supplier<Uni<?>> round) {
        AtomicBoolean running = new AtomicBoolean();
        timers.add(vertx.setPeriodic(Math.max(MIN_INTERVAL_MS, interval.toMillis()), id -> {
            if (!leader.isLeader() || !running.compareAndSet(false, true)) {
                return;
            }
            Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> round.get().subscribe().with(done -> running.set(false), failure -> {
                running.set(false);
                LOG.warnf(failure, "%s failed; retrying in %s", name, interval);
            }));
        }));
    }

    void onStop(@Observes ShutdownEvent event) {
        timers.forEach(vertx::cancelTimer);
        timers.clear();
    }
}
