package dev.csms.runtime.kafka;

import dev.csms.events.Topics;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Creates the runtime's Kafka clients from the application's {@code kafka.*} configuration (bootstrap servers,
 * security), so that they reach the same cluster as the service's Reactive Messaging channels.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> kafka;
    private final KafkaConfig config;

    KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafka, KafkaConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    /** The platform topics under the configured prefix. */
    @Produces
    @Singleton
    Topics topics() {
        return new Topics(config.topicPrefix().orElse(""));
    }

    /**
     * The configuration of a producer whose acknowledged records are durable, written once and in order per
     * partition: acks=all and idempotence are forced, whatever the overrides say.
     */
    public Map<String, Object> reliableProducerConfig(String clientId, Map<String, String> overrides) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "0");
        props.putAll(overrides);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    public KafkaProducer<String, byte[]> reliableProducer(String clientId, Map<String, String> overrides) {
        return new KafkaProducer<>(reliableProducerConfig(clientId, overrides));
    }

    /**
     * A consumer without a group, for reading every partition of a topic by assignment (each replica reads it
     * all); it commits nothing.
     */
    public KafkaConsumer<String, byte[]> readerConsumer(String clientId) {
        Map<String, Object> props = new HashMap<>(kafka);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-" + UUID.randomUUID().toString().substring(0, 8));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
