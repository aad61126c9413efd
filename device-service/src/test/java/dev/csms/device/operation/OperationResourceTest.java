package dev.csms.device.operation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.device.testing.Stations;
import dev.csms.device.testing.Tokens;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.Command;
import dev.csms.events.ocpp.CommandOutcome;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.events.ocpp.Presence;
import dev.csms.localstack.LocalStack;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.ocpp.OcppJson;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.adapter.OcppAdapter;
import dev.csms.ocpp.adapter.OcppRequest;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.presence.PresenceView;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote operations end to end: REST -> ledger -> Command on ocpp.outbound; the test plays the gateway (presence on
 * ocpp.presence, the station's answer as a CommandResult on ocpp.inbound) and reads the recorded result.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class OperationResourceTest {

    private final EventCodec codec = new EventCodec();
    private KafkaProducer<String, byte[]> producer;
    private TopicProbe outbound;

    @Inject
    PresenceView presence;

    @BeforeEach
    void open() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.get().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        outbound = new TopicProbe(Topics.unprefixed().outbound());
    }

    @AfterEach
    void close() {
        outbound.close();
        producer.close();
    }

    private void connect(String id, OcppVersion version) throws Exception {
        Presence p = new Presence(id, "gw-test", System.nanoTime(), version, 1, Instant.now());
        producer.send(codec.toRecord(Topics.unprefixed().presence(), EventEnvelope.create(EventTypes.PRESENCE,
                "/csms/gateway-service/gw-test", id, p, Clock.systemUTC()))).get();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> presence.isConnected(id));
    }

    private static String post(String id, String operation, Object body) {
        var request = given().auth().oauth2(Tokens.operator());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.when().post("/api/v1/stations/" + id + "/operations/" + operation)
                .then().statusCode(202).header("Location", containsString("/api/v1/commands/"))
                .extract().path("commandId");
    }

    /** Awaits the Command on ocpp.outbound, answers it as the station would (CALLRESULT payload) and returns it. */
    private StationCommand answer(String id, String commandId, OcppVersion version, String responseJson)
            throws Exception {
        ConsumerRecord<String, byte[]> record = outbound.await(r -> id.equals(r.key())
                && EventTypes.COMMAND.type().equals(header(r, CloudEventHeaders.TYPE))
                && commandId.equals(codec.fromRecord(r, EventTypes.COMMAND).data().commandId()));
        Command command = codec.fromRecord(record, EventTypes.COMMAND).data();
        assertThat(command.commandId()).isEqualTo(commandId);
        OcppAdapter adapter = OcppAdapter.forVersion(version, Clock.systemUTC());
        OcppRequest sent = adapter.toRequest(command.command());
        JsonNode payload = OcppJson.newObjectMapper().readTree(responseJson);
        CommandResult result = new CommandResult(commandId, id, CommandOutcome.Answered, sent.action(), version,
                adapter.toCommandResponse(sent.action(), payload), payload, null, null, Instant.now());
        producer.send(codec.toRecord(Topics.unprefixed().inbound(), EventEnvelope.create(EventTypes.COMMAND_RESULT,
                "/csms/gateway-service/gw-test", id, result, Clock.systemUTC()))).get();
        return command.command();
    }

    private static void awaitStatus(String commandId, String status, String stationStatus) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .when().get("/api/v1/commands/" + commandId)
                .then().statusCode(200).body("status", equalTo(status))
                .body("response.status", equalTo(stationStatus)));
    }

    @Test
    void eachOperationOnA16StationIsSentAndItsResultRecorded() throws Exception {
        String id = Stations.register("OP-");
        connect(id, OcppVersion.V1_6);
        record Case(String operation, Object body, String action, String response, String status) {
        }
        List<Case> cases = List.of(
                new Case("reset", Map.of("type", "Hard"), "Reset", "{\"status\":\"Accepted\"}", "Accepted"),
                new Case("availability", Map.of("operationalStatus", "Inoperative", "evseId", 1),
                        "ChangeAvailability", "{\"status\":\"Scheduled\"}", "Scheduled"),
                new Case("unlock", Map.of("evseId", 2), "UnlockConnector", "{\"status\":\"Unlocked\"}", "Unlocked"),
                new Case("trigger", Map.of("requestedMessage", "StatusNotification", "evseId", 1), "TriggerMessage",
                        "{\"status\":\"Accepted\"}", "Accepted"),
                new Case("extended-trigger", Map.of("requestedMessage", "Heartbeat"), "ExtendedTriggerMessage",
                        "{\"status\":\"Accepted\"}", "Accepted"),
                new Case("clear-cache", null, "ClearCache", "{\"status\":\"Rejected\"}", "Rejected"),
                new Case("data-transfer", Map.of("vendorId", "com.acme", "messageId", "ping", "data", "hi"),
                        "DataTransfer", "{\"status\":\"Accepted\",\"data\":\"pong\"}", "Accepted"));
        for (Case c : cases) {
            String commandId = post(id, c.operation(), c.body());
            StationCommand sent = answer(id, commandId, OcppVersion.V1_6, c.response());
            assertThat(OcppAdapter.forVersion(OcppVersion.V1_6, Clock.systemUTC()).toRequest(sent).action())
                    .as(c.operation()).isEqualTo(c.action());
            awaitStatus(commandId, "Answered", c.status());
        }
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/commands")
                .then().statusCode(200).body("size()", equalTo(cases.size()))
                .body("[0].kind", equalTo("data-transfer")).body("[0].requestedBy", equalTo("alice"));
    }

    @Test
    void resetKindsMapPerVersion() throws Exception {
        String id = Stations.register("OP-");
        connect(id, OcppVersion.V2_0_1);
        String commandId = post(id, "reset", Map.of("type", "OnIdle", "evseId", 1));
        StationCommand sent = answer(id, commandId, OcppVersion.V2_0_1, "{\"status\":\"Scheduled\"}");
        assertThat(sent).isEqualTo(new StationCommand.Reset(dev.csms.ocpp.canonical.ResetType.OnIdle, 1));
        awaitStatus(commandId, "Answered", "Scheduled");

        String v16 = Stations.register("OP-");
        connect(v16, OcppVersion.V1_6);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("type", "OnIdle"))
                .when().post("/api/v1/stations/" + v16 + "/operations/reset")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("OCPP 1.6"));
    }

    @Test
    void errors() throws Exception {
        String offline = Stations.register("OP-");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("type", "Soft"))
                .when().post("/api/v1/stations/" + offline + "/operations/reset")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("type", "Soft"))
                .when().post("/api/v1/stations/NOPE-" + UUID.randomUUID() + "/operations/reset")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("type", "Sideways"))
                .when().post("/api/v1/stations/" + offline + "/operations/reset")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("evseId", -1))
                .when().post("/api/v1/stations/" + offline + "/operations/unlock")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("type", "Soft"))
                .when().post("/api/v1/stations/" + offline + "/operations/reset")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(Map.of("type", "Soft"))
                .when().post("/api/v1/stations/" + offline + "/operations/reset")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/NOPE-x/commands")
                .then().statusCode(404).contentType("application/problem+json");

        String v16 = Stations.register("OP-");
        connect(v16, OcppVersion.V1_6);
        // 1.6 DiagnosticsStatusNotification is not an ExtendedTriggerMessage value: schema-invalid, refused up front
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("requestedMessage", "DiagnosticsStatusNotification"))
                .when().post("/api/v1/stations/" + v16 + "/operations/extended-trigger")
                .then().statusCode(400).contentType("application/problem+json");
        // 2.x-only trigger
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("requestedMessage", "TransactionEvent"))
                .when().post("/api/v1/stations/" + v16 + "/operations/trigger")
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
