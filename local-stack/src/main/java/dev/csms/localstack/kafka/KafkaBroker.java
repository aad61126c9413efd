package dev.csms.localstack.kafka;

import dev.csms.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A running single-node Kafka broker on loopback: the {@link EmbeddedKafka} itself, or a handle on the one
 * the {@link dev.csms.localstack.LocalStack} of this JVM runs.
 */
public interface KafkaBroker {

    /** How long admin operations of these helpers wait. */
    Duration ADMIN_TIMEOUT = Duration.ofSeconds(60);

    /** {@code 127.0.0.1:port}, for {@code kafka.bootstrap.servers}. */
    String bootstrapServers();

    boolean isRunning();

    /** Stops the broker cleanly, keeping its data and port for {@link #startBroker()}: a Kafka outage. */
    void stopBroker();

    /** Starts the broker again on the same port and data, and returns once it serves clients. */
    void startBroker();

    /** {@link #stopBroker()} then {@link #startBroker()}. */
    default void restart() {
        stopBroker();
        startBroker();
    }

    /** An admin client for this broker; the caller closes it. */
    default Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000));
    }

    /**
     * Creates every platform topic with {@code partitions} partitions and replication factor 1; compacted
     * topics get {@code cleanup.policy=compact}. Topics that exist already are left as they are.
     */
    default void createTopics(Topics topics, int partitions) {
        List<NewTopic> newTopics = new ArrayList<>();
        for (Topics.Topic topic : Topics.ALL) {
            NewTopic newTopic = new NewTopic(topics.name(topic), partitions, (short) 1);
            if (topic.compacted()) {
                newTopic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            newTopics.add(newTopic);
        }
        try (Admin admin = admin()) {
            for (Map.Entry<String, KafkaFuture<Void>> result : admin.createTopics(newTopics).values().entrySet()) {
                try {
                    result.getValue().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + result.getKey(), e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("topics not created within " + ADMIN_TIMEOUT, e);
        }
    }
}
