package dev.csms.runtime.kafka;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Kafka settings shared by the runtime's clients; the broker itself is configured with {@code kafka.*}. */
@ConfigMapping(prefix = "csms.kafka")
public interface KafkaConfig {

    /** Prefix of every platform topic name (e.g. {@code prod.}), so installations can share a cluster. */
    Optional<String> topicPrefix();
}
