package dev.csms.gateway.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The gateway's Kafka clients, built from the application's {@code kafka.*} configuration (bootstrap servers,
 * security) plus the gateway's fixed choices. One instance per gateway replica.
 */
public final class GatewayKafkaClients {

    private final Map<String, Object> base;
    private final String gatewayId;

    /**
     * @param base      the {@code kafka.*} properties (without the prefix)
     * @param gatewayId names the clients, so that broker logs and quotas show the replica
     */
    public GatewayKafkaClients(Map<String, Object> base, String gatewayId) {
        this.base = Map.copyOf(Objects.requireNonNull(base, "base"));
        this.gatewayId = gatewayId;
    }

    /**
     * The producer for everything the gateway publishes. Fixed: acks=all and idempotence (nothing acknowledged to a
     * station is lost or duplicated by a retry), {@code max.block.ms=0} (send never blocks an event loop: a full
     * buffer or unknown metadata fails at once and the station gets a CALLERROR), topic metadata kept while idle
     * (so that rarely used topics do not fall back to "unknown"). Defaults that {@code overrides} may change:
     * linger 5 ms and lz4 (throughput at thousands of small records per second), delivery timeout 15 s (below the
     * stations' 30 s message timeout).
     */
    public KafkaProducer<String, byte[]> producer(Map<String, String> overrides) {
        Map<String, Object> props = new HashMap<>(base);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "csms-gateway-" + gatewayId);
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "15000");
        props.putAll(overrides);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "0");
        props.put(ProducerConfig.METADATA_MAX_IDLE_CONFIG, String.valueOf(24L * 3600 * 1000));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(props);
    }

    /** A consumer without a group for reading partitions by assignment; it commits nothing. */
    public KafkaConsumer<String, byte[]> follower(String purpose) {
        Map<String, Object> props = consumerBase("csms-gateway-" + gatewayId + "-" + purpose);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props);
    }

    /**
     * A consumer in a group; new groups start at the end (a replica that starts judges only commands published
     * from then on; older ones were judged by the previous owner).
     */
    public KafkaConsumer<String, byte[]> groupMember(String purpose, String groupId) {
        Map<String, Object> props = consumerBase("csms-gateway-" + gatewayId + "-" + purpose);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        return new KafkaConsumer<>(props);
    }

    /** An admin client for the readiness probe. */
    public Admin admin(int requestTimeoutMs) {
        Map<String, Object> props = new HashMap<>(base);
        props.keySet().removeIf(key -> !AdminClientConfig.configNames().contains(key));
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "csms-gateway-" + gatewayId + "-probe");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, requestTimeoutMs);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, requestTimeoutMs);
        return Admin.create(props);
    }

    private Map<String, Object> consumerBase(String clientId) {
        Map<String, Object> props = new HashMap<>(base);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }
}
