package dev.csms.runtime.command;

import dev.csms.runtime.leader.LeaderStatus;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs {@link CommandLedger#sweep()} every {@code csms.commands.sweep-interval} on the leader, so that a lost result
 * never leaves a command Pending forever. A Vert.x timer rather than the Quarkus scheduler: no extra extension in
 * every service, and the sweep is reactive anyway. A round that is still running when the timer fires again is not
 * overlapped.
 */
@ApplicationScoped
class CommandSweep {

    private static final Logger LOG = Logger.getLogger(CommandSweep.class);

    private final CommandConfig config;
    private final CommandLedger ledger;
    private final LeaderStatus leader;
    private final Vertx vertx;
    private final InjectableInstance<Pool> pools;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    CommandSweep(CommandConfig config, CommandLedger ledger, LeaderStatus leader, Vertx vertx,
            InjectableInstance<Pool> pools) {
        this.config = config;
        this.pools = pools;
        this.ledger = ledger;
        this.leader = leader;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        if (pools.listActive().isEmpty()) {
            // A service without a datasource has no ledger to sweep.
            LOG.debug("No active reactive datasource: no command sweep");
            return;
        }
        timer = vertx.setPeriodic(Math.max(10, config.sweepInterval().toMillis()), id -> tick());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    private void tick() {
        if (!leader.isLeader() || !running.compareAndSet(false, true)) {
            return;
        }
        // Hibernate Reactive wants a duplicated context flagged safe, as Quarkus gives a request or a consumer.
        Context context = VertxContext.getOrCreateDuplicatedContext(vertx);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> ledger.sweep().subscribe().with(count -> {
            running.set(false);
            if (count > 0) {
                LOG.infof("Command sweep: %d command(s) without result marked Timeout", count);
            }
        }, failure -> {
            running.set(false);
            LOG.warnf(failure, "Command sweep failed; retrying in %s", config.sweepInterval());
        }));
    }
}
