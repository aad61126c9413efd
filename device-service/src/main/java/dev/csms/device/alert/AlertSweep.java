package dev.csms.device.alert;

import dev.csms.device.config.DeviceConfig;
import dev.csms.runtime.leader.LeaderTimers;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Runs {@link AlertRules#sweep()} every {@code csms.device.alerts.sweep-interval}, only on the leader
 * ({@link LeaderTimers}; always this process in the embedded default), so that replicas do not raise the same offline
 * alert twice.
 */
@ApplicationScoped
class AlertSweep {

    private final AlertRules rules;
    private final LeaderTimers timers;
    private final DeviceConfig.Alerts config;

    AlertSweep(AlertRules rules, LeaderTimers timers, DeviceConfig config) {
        this.rules = rules;
        this.timers = timers;
        this.config = config.alerts();
    }

    void onStart(@Observes StartupEvent event) {
        timers.every("Alert sweep", config.sweepInterval(), rules::sweep);
    }
}
