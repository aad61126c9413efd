package dev.csms.runtime.command;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/**
 * Commands for stations: the in-memory {@link CommandClient} and the durable {@link CommandLedger}. Commands go
 * through {@code ocpp.outbound}, results come back on {@code ocpp.inbound}.
 */
@ConfigMapping(prefix = "csms.commands")
public interface CommandConfig {

    /** Who sends the commands, in {@code Command.origin} and the CloudEvents source. */
    @WithDefault("${quarkus.application.name:csms}")
    String origin();

    /**
     * How long after a command's deadline a result is still waited for (by the client) or accepted before the
     * ledger's sweep marks the command Timeout. The gateway ends every command by its deadline (a Timeout result at
     * the latest); the grace covers that result's way back through Kafka.
     */
    @WithDefault("5s")
    Duration resultGrace();

    /** Kafka producer properties for commands, on top of {@code kafka.*}; acks=all and idempotence are fixed. */
    Map<String, String> producer();

    /** The ledger's deadline for a {@link CommandRequest} that names no timeout. */
    @WithDefault("60s")
    Duration defaultTimeout();

    /**
     * Whether the ledger refuses (409) a command for a station the presence view does not see connected. Applies
     * only when the view is on ({@code csms.presence.enabled=true}).
     */
    @WithDefault("true")
    boolean requirePresence();

    /** How often the leader looks for pending commands past deadline + result-grace and marks them Timeout. */
    @WithDefault("30s")
    Duration sweepInterval();

    /** Most commands one sweep marks Timeout; the rest wait for the next sweep. */
    @WithDefault("500")
    int sweepBatchSize();

    /** The REST resource {@code /api/v1/commands}. */
    Api api();

    interface Api {

        /**
         * Whether the service serves {@code /api/v1/commands}. Read at build time ({@code @IfBuildProperty} on
         * {@link CommandResource}); listed here so that the setting is documented and validated.
         */
        @WithDefault("true")
        boolean enabled();
    }
}
