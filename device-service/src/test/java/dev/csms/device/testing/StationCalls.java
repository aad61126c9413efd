package dev.csms.device.testing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.events.ocpp.DisconnectReason;
import dev.csms.events.ocpp.Presence;
import dev.csms.events.ocpp.StationCall;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.events.ocpp.StationDisconnected;
import dev.csms.localstack.LocalStack;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.BootReason;
import dev.csms.ocpp.canonical.ChargingStationInfo;
import dev.csms.ocpp.canonical.StationEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays the gateway: publishes StationCall events on the local stack's {@code ocpp.inbound}. */
public final class StationCalls implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.get().kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));

    /** Publishes a 2.0.1 BootNotification of the station and returns its event id. */
    public String boot(String stationId) throws Exception {
        Instant now = Instant.now();
        return boot(stationId, now, now.plusSeconds(30));
    }

    /** Publishes a BootNotification the gateway received at {@code receivedAt}, to be answered by {@code deadline}. */
    public String boot(String stationId, Instant receivedAt, Instant deadline) throws Exception {
        ChargingStationInfo info = new ChargingStationInfo("ACME", "Wallbox 22", "SN-" + stationId, "1.4.2",
                new ChargingStationInfo.Modem("8931000000000000001", "262010000000001"), null, null);
        StationCall call = new StationCall(stationId, "gw-test", 1, OcppVersion.V2_0_1,
                UUID.randomUUID().toString(), "BootNotification", JsonNodeFactory.instance.objectNode(),
                new StationEvent.BootNotification(BootReason.PowerUp, info), receivedAt, deadline);
        EventEnvelope<StationCall> envelope = EventEnvelope.create(EventTypes.STATION_CALL,
                "/csms/gateway-service/gw-test", stationId, call, Clock.systemUTC())
                .withExtension(CloudEventHeaders.OCPP_ACTION, call.action()); // as the gateway does
        producer.send(codec.toRecord(Topics.unprefixed().inbound(), envelope)).get();
        return envelope.id();
    }

    /** Publishes a StationCall of the given version, action and canonical event; returns its event id. */
    public String call(String stationId, OcppVersion version, String action, StationEvent event) throws Exception {
        Instant now = Instant.now();
        StationCall call = new StationCall(stationId, "gw-test", 1, version, UUID.randomUUID().toString(), action,
                JsonNodeFactory.instance.objectNode(), event, now, now.plusSeconds(30));
        EventEnvelope<StationCall> envelope = EventEnvelope.create(EventTypes.STATION_CALL,
                "/csms/gateway-service/gw-test", stationId, call, Clock.systemUTC())
                .withExtension(CloudEventHeaders.OCPP_ACTION, call.action()); // as the gateway does
        producer.send(codec.toRecord(Topics.unprefixed().inbound(), envelope)).get();
        return envelope.id();
    }

    /** Publishes the same StationCall event twice, as an at-least-once redelivery; returns its event id. */
    public String callTwice(String stationId, OcppVersion version, String action, StationEvent event)
            throws Exception {
        Instant now = Instant.now();
        StationCall call = new StationCall(stationId, "gw-test", 1, version, UUID.randomUUID().toString(), action,
                JsonNodeFactory.instance.objectNode(), event, now, now.plusSeconds(30));
        EventEnvelope<StationCall> envelope = EventEnvelope.create(EventTypes.STATION_CALL,
                "/csms/gateway-service/gw-test", stationId, call, Clock.systemUTC())
                .withExtension(CloudEventHeaders.OCPP_ACTION, call.action()); // as the gateway does
        producer.send(codec.toRecord(Topics.unprefixed().inbound(), envelope)).get();
        producer.send(codec.toRecord(Topics.unprefixed().inbound(), envelope)).get();
        return envelope.id();
    }

    /** Publishes the gateway's StationConnected of the station with the given connection epoch. */
    public void connected(String stationId, long epoch) throws Exception {
        StationConnected event = new StationConnected(stationId, "gw-test", epoch, OcppVersion.V2_0_1, 1,
                "192.0.2.1", Instant.now());
        producer.send(codec.toRecord(Topics.unprefixed().inbound(), EventEnvelope.create(EventTypes.STATION_CONNECTED,
                "/csms/gateway-service/gw-test", stationId, event, Clock.systemUTC()))).get();
    }

    /** Publishes the gateway's StationDisconnected of the station's connection with the given epoch. */
    public void disconnected(String stationId, long epoch) throws Exception {
        StationDisconnected event = new StationDisconnected(stationId, "gw-test", epoch,
                DisconnectReason.ClosedByStation, 1000, null, Instant.now());
        producer.send(codec.toRecord(Topics.unprefixed().inbound(), EventEnvelope.create(
                EventTypes.STATION_DISCONNECTED, "/csms/gateway-service/gw-test", stationId, event,
                Clock.systemUTC()))).get();
    }

    /** Publishes the gateway's Presence of the station connected with the given version on ocpp.presence. */
    public void present(String stationId, OcppVersion version) throws Exception {
        Presence presence = new Presence(stationId, "gw-test", System.nanoTime(), version, 1, Instant.now());
        producer.send(codec.toRecord(Topics.unprefixed().presence(), EventEnvelope.create(EventTypes.PRESENCE,
                "/csms/gateway-service/gw-test", stationId, presence, Clock.systemUTC()))).get();
    }

    /** Publishes the gateway's CommandResult on ocpp.inbound. */
    public void result(CommandResult result) throws Exception {
        producer.send(codec.toRecord(Topics.unprefixed().inbound(), EventEnvelope.create(EventTypes.COMMAND_RESULT,
                "/csms/gateway-service/gw-test", result.stationId(), result, Clock.systemUTC()))).get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
