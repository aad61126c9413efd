package dev.csms.runtime.command;

import dev.csms.runtime.leader.LeaderTimers;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Runs {@link CommandLedger#sweep()} every {@code csms.commands.sweep-interval} on the leader ({@link LeaderTimers}),
 * so that a lost result never leaves a command Pending forever.
 */
@ApplicationScoped
class CommandSweep {

    private static final Logger LOG = Logger.getLogger(CommandSweep.class);

    private final CommandConfig config;
    private final CommandLedger ledger;
    private final LeaderTimers timers;
    private final InjectableInstance<Pool> pools;

    CommandSweep(CommandConfig config, CommandLedger ledger, LeaderTimers timers, InjectableInstance<Pool> pools) {
        this.config = config;
        this.ledger = ledger;
        this.timers = timers;
        this.pools = pools;
    }

    void onStart(@Observes StartupEvent event) {
        if (pools.listActive().isEmpty()) {
            // A service without a datasource has no ledger to sweep.
            LOG.debug("No active reactive datasource: no command sweep");
            return;
        }
        timers.every("Command sweep", config.sweepInterval(), () -> ledger.sweep().invoke(count -> {
            if (count > 0) {
                LOG.infof("Command sweep: %d command(s) without result marked Timeout", count);
            }
        }));
    }
}
