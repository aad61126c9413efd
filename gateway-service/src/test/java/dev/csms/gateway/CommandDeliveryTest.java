package dev.csms.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.csms.events.EventTypes;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.Command;
import dev.csms.events.ocpp.CommandOutcome;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.gateway.support.GatewayTestResource;
import dev.csms.gateway.support.KafkaTestClient;
import dev.csms.gateway.support.SecondGateway;
import dev.csms.gateway.support.StationClient;
import dev.csms.gateway.support.StationClient.Options;
import dev.csms.gateway.support.TestStations;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.ResetType;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.csms.gateway.support.KafkaTestClient.TOPICS;
import static dev.csms.gateway.support.TestStations.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Commands through two gateway replicas on one broker: the application's ({@code gw-test-a}) and a second one in
 * the same JVM ({@code gw-test-b}). Every command ends with exactly one result.
 */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class CommandDeliveryTest {

    private static final String PASSWORD = "command-delivery-secret";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static KafkaTestClient kafka;
    private static SecondGateway second;

    @Inject
    Gateway gateway;

    @BeforeAll
    static void start() {
        kafka = new KafkaTestClient();
        second = SecondGateway.start(Arc.container().instance(Vertx.class).get(),
                Arc.container().instance(OcppSchemaValidator.class).get(), Map.of());
    }

    @AfterAll
    static void stop() {
        second.close();
        kafka.close();
    }

    /** A station connected to a replica, known to both replicas' presence tables. */
    private StationClient station(String prefix, URI endpoint, String id, String subprotocol) {
        StationClient client = StationClient.connect(endpoint, Options.basic(id, PASSWORD, subprotocol));
        await().atMost(WAIT).until(() -> gateway.presence().get(id).isPresent()
                && second.gateway().presence().get(id).isPresent());
        return client;
    }

    private String registered(String prefix) {
        String id = TestStations.newId(prefix);
        kafka.credentials(id, PASSWORD, 1, true, EnumSet.allOf(OcppVersion.class));
        TestStations.awaitCredentials(gateway, id);
        TestStations.awaitCredentials(second.gateway(), id);
        return id;
    }

    private static EventEnvelope<Command> command(String stationId, StationCommand command, Duration deadline) {
        Instant now = Instant.now();
        return kafka.publish(EventTypes.COMMAND, stationId, new Command(UUID.randomUUID().toString(), stationId,
                now.plus(deadline), "test", command, now));
    }

    private static List<EventEnvelope<CommandResult>> results(KafkaTestClient.Reader inbound, String stationId,
            EventEnvelope<Command> command) {
        return inbound.events(EventTypes.COMMAND_RESULT, stationId).stream()
                .filter(r -> r.data().commandId().equals(command.data().commandId())).toList();
    }

    /** Waits for the command's result, then makes sure no second one follows. */
    private static CommandResult onlyResult(KafkaTestClient.Reader inbound, String stationId,
            EventEnvelope<Command> command) {
        await().atMost(WAIT).until(() -> !results(inbound, stationId, command).isEmpty());
        await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> results(inbound, stationId, command).size() == 1);
        EventEnvelope<CommandResult> result = results(inbound, stationId, command).get(0);
        assertThat(result.correlationId()).contains(command.id());
        return result.data();
    }

    @Test
    void aCommandIsDeliveredOnceByTheReplicaHoldingTheStationAndItsResultPublishedOnce() {
        String onB = registered("on-b");
        String onA = registered("on-a");
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                StationClient stationB = station("on-b", second.uri(onB), onB, "ocpp2.0.1");
                StationClient stationA = station("on-a", TestStations.plain(onA), onA, "ocpp1.6")) {
            EventEnvelope<Command> forB = command(onB, new StationCommand.Reset(ResetType.Immediate, null),
                    Duration.ofSeconds(20));
            EventEnvelope<Command> forA = command(onA, new StationCommand.Reset(ResetType.Hard, null),
                    Duration.ofSeconds(20));

            ArrayNode callB = frame(stationB.next());
            assertThat(callB.get(0).asInt()).isEqualTo(2);
            assertThat(callB.get(2).asText()).isEqualTo("Reset");
            assertThat(callB.get(3).get("type").asText()).isEqualTo("Immediate");
            stationB.send("[3,\"" + callB.get(1).asText() + "\",{\"status\":\"Accepted\"}]");

            ArrayNode callA = frame(stationA.next());
            assertThat(callA.get(3).get("type").asText()).isEqualTo("Hard");
            stationA.send("[3,\"" + callA.get(1).asText() + "\",{\"status\":\"Rejected\"}]");

            CommandResult resultB = onlyResult(inbound, onB, forB);
            assertThat(resultB.outcome()).isEqualTo(CommandOutcome.Answered);
            assertThat(resultB.response().accepted()).isTrue();
            assertThat(resultB.ocppVersion()).isEqualTo(OcppVersion.V2_0_1);
            assertThat(results(inbound, onB, forB).get(0).extension("gatewayid")).contains("gw-test-b");
            CommandResult resultA = onlyResult(inbound, onA, forA);
            assertThat(resultA.outcome()).isEqualTo(CommandOutcome.Answered);
            assertThat(resultA.response().accepted()).isFalse();
            assertThat(results(inbound, onA, forA).get(0).extension("gatewayid")).contains("gw-test-a");
            // neither station got the command twice
            assertThat(stationB.poll()).isNull();
            assertThat(stationA.poll()).isNull();
        }
    }

    @Test
    void aCommandForAStationNoReplicaHoldsEndsAsStationOfflineOnce() {
        String nobody = TestStations.newId("offline");
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound())) {
            EventEnvelope<Command> command = command(nobody, new StationCommand.ClearCache(), Duration.ofSeconds(30));
            CommandResult result = onlyResult(inbound, nobody, command);
            assertThat(result.outcome()).isEqualTo(CommandOutcome.StationOffline);
            assertThat(result.action()).isNull();
        }
    }

    @Test
    void commandsQueueBehindTheOutstandingCallAndOverflowAsQueueFull() {
        String id = registered("queue");
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                StationClient station = station("queue", TestStations.plain(id), id, "ocpp2.0.1")) {
            List<EventEnvelope<Command>> commands = List.of(
                    command(id, new StationCommand.ClearCache(), Duration.ofSeconds(30)),
                    command(id, new StationCommand.Reset(ResetType.OnIdle, null), Duration.ofSeconds(30)),
                    command(id, new StationCommand.UnlockConnector(1, 1), Duration.ofSeconds(30)),
                    command(id, new StationCommand.ClearCache(), Duration.ofSeconds(30)));
            // one outstanding, two queued (queue-size 2 in tests), the fourth does not fit
            assertThat(onlyResult(inbound, id, commands.get(3)).outcome()).isEqualTo(CommandOutcome.QueueFull);

            for (String action : List.of("ClearCache", "Reset", "UnlockConnector")) {
                ArrayNode call = frame(station.next());
                assertThat(call.get(2).asText()).isEqualTo(action);
                assertThat(station.poll()).as("one outstanding CALL at a time").isNull();
                String status = action.equals("UnlockConnector") ? "Unlocked" : "Accepted";
                station.send("[3,\"" + call.get(1).asText() + "\",{\"status\":\"" + status + "\"}]");
            }
            for (int i = 0; i < 3; i++) {
                assertThat(onlyResult(inbound, id, commands.get(i)).outcome()).isEqualTo(CommandOutcome.Answered);
            }
        }
    }

    @Test
    void aCommandTheStationDoesNotAnswerTimesOutAndTheNextOneIsSent() {
        String id = registered("timeout");
        double unmatched = gateway.metrics().counted("csms.gateway.results.unmatched", "type", "CALLRESULT");
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                StationClient station = station("timeout", TestStations.plain(id), id, "ocpp2.0.1")) {
            EventEnvelope<Command> ignored = command(id, new StationCommand.ClearCache(), Duration.ofMillis(1500));
            EventEnvelope<Command> next = command(id, new StationCommand.ClearCache(), Duration.ofSeconds(30));
            ArrayNode first = frame(station.next());
            CommandResult timedOut = onlyResult(inbound, id, ignored);
            assertThat(timedOut.outcome()).isEqualTo(CommandOutcome.Timeout);
            assertThat(timedOut.action()).isEqualTo("ClearCache");

            // the late answer is dropped; the queued command goes out and is answered
            station.send("[3,\"" + first.get(1).asText() + "\",{\"status\":\"Accepted\"}]");
            ArrayNode second = frame(station.next());
            assertThat(second.get(1).asText()).isNotEqualTo(first.get(1).asText());
            station.send("[4,\"" + second.get(1).asText() + "\",\"NotSupported\",\"no cache here\",{}]");
            CommandResult error = onlyResult(inbound, id, next);
            assertThat(error.outcome()).isEqualTo(CommandOutcome.CallError);
            assertThat(error.error().errorCode()).isEqualTo("NotSupported");
            assertThat(gateway.metrics().counted("csms.gateway.results.unmatched", "type", "CALLRESULT"))
                    .isEqualTo(unmatched + 1);
        }
    }

    @Test
    void aCommandTheVersionCannotExpressIsNeverSent() {
        String id = registered("invalid");
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                StationClient station = station("invalid", TestStations.plain(id), id, "ocpp1.6")) {
            EventEnvelope<Command> onIdle = command(id, new StationCommand.Reset(ResetType.OnIdle, null),
                    Duration.ofSeconds(30));
            assertThat(onlyResult(inbound, id, onIdle).outcome()).isEqualTo(CommandOutcome.Unsupported);

            EventEnvelope<Command> bogus = command(id, new StationCommand.RawCommand("Reset",
                    TestStations.json().createObjectNode().put("type", "Bogus")), Duration.ofSeconds(30));
            CommandResult invalid = onlyResult(inbound, id, bogus);
            assertThat(invalid.outcome()).isEqualTo(CommandOutcome.ValidationFailed);
            assertThat(invalid.detail()).contains("type");

            EventEnvelope<Command> stationAction = command(id, new StationCommand.RawCommand("Heartbeat",
                    TestStations.json().createObjectNode()), Duration.ofSeconds(30));
            assertThat(onlyResult(inbound, id, stationAction).outcome()).isEqualTo(CommandOutcome.ValidationFailed);
            assertThat(station.poll()).as("nothing was sent").isNull();
        }
    }

    @Test
    void closingTheConnectionEndsItsCommands() {
        String id = registered("closing");
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound())) {
            StationClient station = station("closing", TestStations.plain(id), id, "ocpp2.0.1");
            EventEnvelope<Command> sent = command(id, new StationCommand.ClearCache(), Duration.ofSeconds(30));
            EventEnvelope<Command> queued = command(id, new StationCommand.ClearCache(), Duration.ofSeconds(30));
            frame(station.next());
            await().atMost(WAIT).until(() -> gateway.connections().get(id)
                    .map(c -> c.queuedCount() == 1).orElse(false));
            station.close();
            assertThat(onlyResult(inbound, id, sent).outcome()).isEqualTo(CommandOutcome.Timeout);
            assertThat(onlyResult(inbound, id, queued).outcome()).isEqualTo(CommandOutcome.StationOffline);
        }
    }
}
