package dev.csms.benchmarks;

import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.IdTokenInfo;
import dev.csms.ocpp.canonical.RegistrationStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The minimal answering consumer: stands in for the deciding services when a benchmark measures the gateway and
 * Kafka, not a service's database. It reads {@code ocpp.inbound} (its own consumer group) and answers every
 * StationCall that awaits a decision on {@code ocpp.outbound}, correlated by the call's event id as the services
 * do: BootNotification Accepted (heartbeat interval {@code heartbeatSeconds}), Authorize Accepted. Anything else
 * awaiting a decision is left to the gateway's deadline fallback (and counted).
 */
public final class CallAnswerer implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();
    private final Topics topics = Topics.unprefixed();
    private final int heartbeatSeconds;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong unanswerable = new AtomicLong();
    private final Thread thread;

    public CallAnswerer(String bootstrapServers, int heartbeatSeconds) {
        this.heartbeatSeconds = heartbeatSeconds;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-answerer-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000"),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "1"),
                new StringSerializer(), new ByteArraySerializer());
        consumer.subscribe(List.of(topics.inbound()));
        // join the group and get the partitions before stations send anything ("latest" would skip earlier calls)
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        if (consumer.assignment().isEmpty()) {
            throw new IllegalStateException("the answering consumer got no partition of " + topics.inbound());
        }
        this.thread = new Thread(this::run, "benchmark-answerer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Decisions answered so far. */
    public long answered() {
        return answered.get();
    }

    /** Calls that awaited a decision this answerer does not make. */
    public long unanswerable() {
        return unanswerable.get();
    }

    private void run() {
        while (running.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                EventEnvelope<?> envelope;
                try {
                    envelope = codec.fromRecord(record);
                } catch (RuntimeException e) {
                    continue;
                }
                if (envelope.data() instanceof StationCall call && call.answerDeadline() != null) {
                    CsmsAnswer answer = switch (call.action()) {
                        case "BootNotification" -> new CsmsAnswer.BootNotificationAnswer(RegistrationStatus.Accepted,
                                heartbeatSeconds, null, null);
                        case "Authorize" -> new CsmsAnswer.AuthorizeAnswer(
                                IdTokenInfo.of(AuthorizationStatus.Accepted), null);
                        default -> null;
                    };
                    if (answer == null) {
                        unanswerable.incrementAndGet();
                        continue;
                    }
                    EventEnvelope<CallAnswer> reply = EventEnvelope.create(EventTypes.CALL_ANSWER, "benchmark-answerer",
                            call.stationId(), CallAnswer.of(call, envelope.id(), answer), Clock.systemUTC())
                            .withExtension(CloudEventHeaders.CORRELATION_ID, envelope.id());
                    producer.send(codec.toRecord(topics.outbound(), reply));
                    answered.incrementAndGet();
                }
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close(Duration.ofSeconds(2));
        producer.close(Duration.ofSeconds(5));
    }
}
