package dev.csms.device.alert;

import dev.csms.device.config.DeviceConfig;
import dev.csms.runtime.leader.LeaderStatus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.VertxContext;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Runs {@link AlertRules#sweep()} every {@code csms.device.alerts.sweep-interval}, only on the leader
 * ({@code dev.csms.runtime.leader}; always this process in the embedded default), so that replicas do not raise the
 * same offline alert twice. A round still running when the timer fires again is not overlapped.
 */
@ApplicationScoped
class AlertSweep {

    private static final Logger LOG = Logger.getLogger(AlertSweep.class);

    private final AlertRules rules;
    private final LeaderStatus leader;
    private final Vertx vertx;
    private final DeviceConfig.Alerts config;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    AlertSweep(AlertRules rules, LeaderStatus leader, Vertx vertx, DeviceConfig config) {
        this.rules = rules;
        this.leader = leader;
        this.vertx = vertx;
        this.config = config.alerts();
    }

    void onStart(@Observes StartupEvent event) {
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
        context.runOnContext(ignored -> rules.sweep().subscribe().with(done -> running.set(false), failure -> {
            running.set(false);
            LOG.warnf(failure, "Alert sweep failed; retrying in %s", config.sweepInterval());
        }));
    }
}
