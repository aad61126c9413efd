package dev.csms.runtime.command;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The command client: commands for stations through {@code ocpp.outbound}, results from {@code ocpp.inbound}. */
@ConfigMapping(prefix = "csms.commands")
public interface CommandConfig {

    /** Who sends the commands, in {@code Command.origin} and the CloudEvents source. */
    @WithDefault("${quarkus.application.name:csms}")
    String origin();

    /**
     * How long after a command's deadline the client still waits for its result. The gateway ends every command by
     * its deadline (a Timeout result at the latest); the grace covers that result's way back through Kafka.
     */
    @WithDefault("5s")
    Duration resultGrace();

    /** Kafka producer properties for commands, on top of {@code kafka.*}; acks=all and idempotence are fixed. */
    Map<String, String> producer();
}
