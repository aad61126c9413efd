package dev.csms.session.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.cloudevents.EventJson;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.Command;
import dev.csms.events.ocpp.CommandOutcome;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.events.ocpp.Presence;
import dev.csms.events.ocpp.StationCall;
import dev.csms.localstack.LocalStack;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.adapter.OcppAdapter;
import dev.csms.ocpp.canonical.StationEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the gateway on the local stack: turns OCPP payloads into StationCalls with the real version adapters and
 * publishes them on {@code ocpp.inbound}, reads the answers and commands from {@code ocpp.outbound}, and publishes
 * command results. Open it before acting, so that it sees everything that follows.
 */
public final class Gateway implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final Topics topics = Topics.unprefixed();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.get().kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
    private final TopicProbe outbound = new TopicProbe(topics.outbound());

    /** A station call as sent: its event id and how to read its answer. */
    public record Sent(String eventId, String stationId, OcppVersion version, String action) {
    }

    /** Publishes the call of a station and returns it. */
    public Sent call(String stationId, OcppVersion version, String action, String payloadJson) {
        try {
            JsonNode payload = EventJson.mapper().readTree(payloadJson);
            StationEvent event = OcppAdapter.forVersion(version, Clock.systemUTC()).toCanonical(action, payload);
            Instant now = Instant.now();
            StationCall call = new StationCall(stationId, "gw-test", 1, version, UUID.randomUUID().toString(), action,
                    payload, event, now, event.requiresDecision() ? now.plusSeconds(30) : null);
            EventEnvelope<StationCall> envelope = EventEnvelope.create(EventTypes.STATION_CALL,
                    "/csms/gateway-service/gw-test", stationId, call, Clock.systemUTC());
            producer.send(codec.toRecord(topics.inbound(), envelope)).get();
            return new Sent(envelope.id(), stationId, version, action);
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + action, e);
        }
    }

    /** Publishes the station's presence on ocpp.presence: a gateway holds its connection with this version. */
    public void connected(String stationId, OcppVersion version) {
        Presence presence = new Presence(stationId, "gw-test", System.nanoTime(), version, 1, Instant.now());
        try {
            producer.send(codec.toRecord(topics.presence(), EventEnvelope.create(EventTypes.PRESENCE,
                    "/csms/gateway-service/gw-test", stationId, presence, Clock.systemUTC()))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish the presence of " + stationId, e);
        }
    }

    /** Awaits the CallAnswer of a call. */
    public CallAnswer answer(Sent sent) {
        return answers(sent, 1).get(0);
    }

    /** Awaits {@code count} CallAnswers of a call (a redelivered call is answered again). */
    public List<CallAnswer> answers(Sent sent, int count) {
        return outbound.awaitAll(r -> sent.eventId().equals(header(r, CloudEventHeaders.PREFIX
                + CloudEventHeaders.CORRELATION_ID)), count).stream()
                .map(r -> codec.fromRecord(r, EventTypes.CALL_ANSWER).data()).toList();
    }

    /** Awaits the answer of a call and returns it as the station would get it: the version's CALLRESULT payload. */
    public JsonNode response(Sent sent) {
        return OcppAdapter.forVersion(sent.version(), Clock.systemUTC()).toResponse(sent.action(),
                answer(sent).answer());
    }

    /** Awaits {@code count} commands for the station. */
    public List<Command> commands(String stationId, int count) {
        return outbound.awaitAll(r -> stationId.equals(r.key())
                && EventTypes.COMMAND.type().equals(header(r, CloudEventHeaders.TYPE)), count).stream()
                .map(r -> codec.fromRecord(r, EventTypes.COMMAND).data()).toList();
    }

    /** Awaits the command with this id. */
    public Command command(String stationId, String commandId) {
        return outbound.awaitAll(r -> stationId.equals(r.key())
                && EventTypes.COMMAND.type().equals(header(r, CloudEventHeaders.TYPE))
                && commandId.equals(codec.fromRecord(r, EventTypes.COMMAND).data().commandId()), 1).stream()
                .map(r -> codec.fromRecord(r, EventTypes.COMMAND).data()).findFirst().orElseThrow();
    }

    /** The records on ocpp.outbound so far that match. */
    public List<ConsumerRecord<String, byte[]>> outbound(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return outbound.poll(filter);
    }

    /** Publishes the station's answer to a command, normalized by the real adapter. */
    public void answered(Command command, OcppVersion version, String responseJson) {
        try {
            OcppAdapter adapter = OcppAdapter.forVersion(version, Clock.systemUTC());
            String action = adapter.toRequest(command.command()).action();
            JsonNode raw = EventJson.mapper().readTree(responseJson);
            result(new CommandResult(command.commandId(), command.stationId(), CommandOutcome.Answered, action,
                    version, adapter.toCommandResponse(action, raw), raw, null, null, Instant.now()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes a command result without an answer (StationOffline, Timeout, ...). */
    public void failed(Command command, CommandOutcome outcome) {
        result(new CommandResult(command.commandId(), command.stationId(), outcome, null, null, null, null, null,
                "test: " + outcome, Instant.now()));
    }

    private void result(CommandResult result) {
        try {
            producer.send(codec.toRecord(topics.inbound(), EventEnvelope.create(EventTypes.COMMAND_RESULT,
                    "/csms/gateway-service/gw-test", result.stationId(), result, Clock.systemUTC()))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        outbound.close();
        producer.close();
    }
}
