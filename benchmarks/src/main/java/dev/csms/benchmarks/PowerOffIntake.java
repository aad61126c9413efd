package dev.csms.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csms.events.Topics;
import dev.csms.localstack.launcher.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until the platform has taken in a power-off of the whole fleet, as it has after a real outage of more than
 * a few seconds: the gateway holds no connection any more (it has handled every close and published every
 * StationDisconnected) and device-service's consumer group has read and committed everything on
 * {@code ocpp.inbound} (the end offsets unchanged over the last look, so that no publish was still on its way).
 * The reconnect storm starts after that (docs/benchmarks.md, "Choices").
 */
final class PowerOffIntake {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = Topics.unprefixed().inbound();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Admin admin;
    private final ServiceProcess gateway;
    private final String token;
    private final String group;
    /** The topic's partitions, looked up at the first look: they do not change during a benchmark. */
    private Map<TopicPartition, OffsetSpec> latest;

    /**
     * @param admin   a Kafka admin client of the local stack's broker
     * @param gateway the gateway the stations connect to
     * @param token   a token with the viewer or operator role for the gateway's connections API
     * @param group   the consumer group whose reading of {@code ocpp.inbound} counts (device-service's)
     */
    PowerOffIntake(Admin admin, ServiceProcess gateway, String token, String group) {
        this.admin = admin;
        this.gateway = gateway;
        this.token = token;
        this.group = group;
    }

    /**
     * Polls until the gateway holds no connection and the group has nothing left to read; returns how long that took.
     *
     * @throws IllegalStateException with what was still outstanding when the timeout passed
     */
    Duration await(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Map<TopicPartition, Long> previousEnds = Map.of();
        long connections = -1;
        long lag = -1;
        while (System.nanoTime() < deadline) {
            connections = gatewayConnections();
            if (connections == 0) {
                Map<TopicPartition, Long> ends = endOffsets();
                lag = lag(ends);
                if (lag == 0 && ends.equals(previousEnds)) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
                previousEnds = ends;
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
        throw new IllegalStateException("the platform had not taken in the power-off within " + timeout.toSeconds()
                + " s: the gateway held " + connections + " connections, " + group + " had "
                + (lag < 0 ? "not been looked at" : lag + " records") + " left to read on " + TOPIC);
    }

    private long gatewayConnections() throws InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + gateway.spec().port() + "/api/v1/connections?limit=1");
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + ": HTTP " + response.statusCode() + " "
                        + response.body());
            }
            JsonNode total = JSON.readTree(response.body()).get("total");
            if (total == null || !total.canConvertToLong()) {
                throw new IllegalStateException("GET " + uri + ": no total in " + response.body());
            }
            return total.asLong();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e, e);
        }
    }

    private Map<TopicPartition, Long> endOffsets() throws InterruptedException {
        try {
            if (latest == null) {
                latest = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().stream()
                        .map(p -> new TopicPartition(TOPIC, p.partition()))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
            return ends.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("end offsets of " + TOPIC + ": " + e.getCause(), e);
        }
    }

    private long lag(Map<TopicPartition, Long> ends) throws InterruptedException {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().mapToLong(e -> {
                OffsetAndMetadata offset = committed.get(e.getKey());
                return Math.max(0, e.getValue() - (offset == null ? 0 : offset.offset()));
            }).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("offsets of group " + group + ": " + e.getCause(), e);
        }
    }
}
