package dev.csms.runtime.command;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallError;
import dev.csms.events.ocpp.CommandOutcome;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.events.ocpp.Presence;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CommandResponse;
import dev.csms.runtime.presence.PresenceView;
import dev.csms.runtime.testing.LocalStackKafka;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;

/** The gateway's part in the ledger tests: presence of stations and results of commands. */
final class CommandFixtures implements AutoCloseable {

    private final Topics topics;
    private final PresenceView presence;
    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, byte[]> gateway = LocalStackKafka.producer();

    CommandFixtures(Topics topics, PresenceView presence) {
        this.topics = topics;
        this.presence = presence;
    }

    static String station() {
        return "CS-" + UUID.randomUUID();
    }

    /** A station the presence view sees connected. */
    String connectedStation() throws Exception {
        String station = station();
        Presence p = new Presence(station, "gw-test", 1, OcppVersion.V2_0_1, 1, Instant.now());
        gateway.send(codec.toRecord(topics.presence(),
                EventEnvelope.create(EventTypes.PRESENCE, "/csms/gateway-service/test", station, p, Clock.systemUTC())))
                .get();
        await().atMost(Duration.ofSeconds(20)).until(() -> presence.isConnected(station));
        return station;
    }

    static EventEnvelope<CommandResult> answered(String commandId, String station, boolean accepted) {
        var raw = JsonNodeFactory.instance.objectNode().put("status", accepted ? "Accepted" : "Rejected");
        CommandResult result = new CommandResult(commandId, station, CommandOutcome.Answered, "Reset",
                OcppVersion.V2_0_1, new CommandResponse(accepted, raw.get("status").asText(), null, null, null, null,
                        null, raw), raw, null, null, Instant.parse("2026-03-01T10:00:00.123456Z"));
        return envelope(result);
    }

    static EventEnvelope<CommandResult> callError(String commandId, String station) {
        CommandResult result = new CommandResult(commandId, station, CommandOutcome.CallError, "Reset",
                OcppVersion.V1_6, null, null, new CallError("NotImplemented", "no reset here", null), null,
                Instant.parse("2026-03-01T10:00:00Z"));
        return envelope(result);
    }

    private static EventEnvelope<CommandResult> envelope(CommandResult result) {
        return EventEnvelope.create(EventTypes.COMMAND_RESULT, "/csms/gateway-service/test", result.stationId(),
                result, Clock.systemUTC());
    }

    @Override
    public void close() {
        gateway.close(Duration.ofSeconds(5));
    }
}
