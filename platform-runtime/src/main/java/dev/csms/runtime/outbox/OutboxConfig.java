package dev.csms.runtime.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** The outbox relay. The outbox table itself comes from the migration in {@code classpath:db/runtime}. */
@ConfigMapping(prefix = "csms.outbox")
public interface OutboxConfig {

    /** Whether this process runs a relay (it still only publishes while it holds the outbox lock). */
    @WithDefault("true")
    boolean relayEnabled();

    /** Most rows read and published per round. */
    @WithDefault("500")
    int batchSize();

    /** Longest pause between looks at the table when no commit notification arrives (a safety net). */
    @WithDefault("1s")
    Duration pollInterval();

    /** How often a replica that does not hold the outbox lock tries to take it. */
    @WithDefault("5s")
    Duration lockRetryInterval();

    /** First pause after a failed round; doubles up to max-backoff while rounds keep failing. */
    @WithDefault("200ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /**
     * Kafka producer properties for the relay, on top of the application's {@code kafka.*} configuration, for
     * example {@code csms.outbox.producer."delivery.timeout.ms"=60000}. acks, idempotence and the serializers are
     * fixed.
     */
    Map<String, String> producer();
}
