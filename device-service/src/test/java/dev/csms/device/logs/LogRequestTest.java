package dev.csms.device.logs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.device.testing.StationCalls;
import dev.csms.device.testing.StationCommands;
import dev.csms.device.testing.Stations;
import dev.csms.device.testing.Tokens;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.StationEvent.LogStatusNotification;
import dev.csms.ocpp.canonical.UploadLogStatus;
import dev.csms.runtime.presence.PresenceView;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Log uploads end to end: REST -> ledger -> Command on ocpp.outbound (1.6 GetDiagnostics, GetLog), the station's
 * answer as a CommandResult, its DiagnosticsStatusNotification / LogStatusNotification on ocpp.inbound answered and
 * stored, all shown by {@code GET /api/v1/stations/{id}/logs}.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class LogRequestTest {

    private final EventCodec codec = new EventCodec();
    private StationCalls gateway;
    private TopicProbe outbound;
    private StationCommands commands;

    @Inject
    PresenceView presence;

    @BeforeEach
    void open() {
        gateway = new StationCalls();
        outbound = new TopicProbe(Topics.unprefixed().outbound());
        commands = new StationCommands(outbound, gateway);
    }

    @AfterEach
    void close() {
        outbound.close();
        gateway.close();
    }

    private static ValidatableResponse post(String id, Object body) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/stations/" + id + "/logs").then();
    }

    private static void awaitAnswered(String commandId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .when().get("/api/v1/commands/" + commandId)
                .then().statusCode(200).body("status", equalTo("Answered")).body("kind", equalTo("logs")));
    }

    private CsmsAnswer answerTo(String callEventId) {
        ConsumerRecord<String, byte[]> record = outbound.await(r -> {
            var correlation = r.headers().lastHeader(CloudEventHeaders.PREFIX + CloudEventHeaders.CORRELATION_ID);
            return correlation != null && callEventId.equals(new String(correlation.value(), StandardCharsets.UTF_8));
        });
        return codec.fromRecord(record, EventTypes.CALL_ANSWER).data().answer();
    }

    @Test
    void aOneSixStationGetsGetDiagnosticsAndItsStatusIsStored() throws Exception {
        String id = Stations.register("LOG-");
        Stations.connect(gateway, presence, id, OcppVersion.V1_6);

        String commandId = post(id, Map.of("type", "Diagnostics", "location", "ftp://logs.example/up",
                "from", "2030-01-01T00:00:00Z", "retries", 2))
                .statusCode(202).body("kind", equalTo("logs")).extract().path("commandId");
        StationCommands.Sent sent = commands.await(id, commandId, OcppVersion.V1_6);
        assertThat(sent.request().action()).isEqualTo("GetDiagnostics");
        assertThat(sent.request().payload().path("location").asText()).isEqualTo("ftp://logs.example/up");
        assertThat(sent.request().payload().path("startTime").asText()).startsWith("2030-01-01T00:00:00");
        commands.answer(sent, OcppVersion.V1_6, "{\"fileName\":\"diag.zip\"}");
        awaitAnswered(commandId);

        String call = gateway.call(id, OcppVersion.V1_6, "DiagnosticsStatusNotification",
                new LogStatusNotification(UploadLogStatus.Uploaded, null, null));
        assertThat(answerTo(call)).isInstanceOf(CsmsAnswer.EmptyAnswer.class);

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/logs")
                .then().statusCode(200)
                .body("stationId", equalTo(id))
                .body("requests", hasSize(1))
                .body("requests[0].commandId", equalTo(commandId))
                .body("requests[0].status", equalTo("Answered"))
                .body("current.status", equalTo("Uploaded"))
                .body("current.action", equalTo("DiagnosticsStatusNotification"))
                .body("current.ocppVersion", equalTo("1.6"))
                .body("current.requestId", nullValue())
                .body("history", hasSize(1));

        // the security log of a 1.6 station is the security extension's GetLog
        String security = post(id, Map.of("type", "SecurityLog", "location", "ftp://logs.example/sec"))
                .statusCode(202).extract().path("commandId");
        sent = commands.await(id, security, OcppVersion.V1_6);
        assertThat(sent.request().action()).isEqualTo("GetLog");
        assertThat(sent.request().payload().path("logType").asText()).isEqualTo("SecurityLog");
    }

    @Test
    void aTwoZeroOneStationGetsGetLogAndItsStatusCarriesTheRequestId() throws Exception {
        String id = Stations.register("LOG-");
        Stations.connect(gateway, presence, id, OcppVersion.V2_0_1);

        String commandId = post(id, Map.of("type", "Diagnostics", "location", "https://logs.example/up"))
                .statusCode(202).extract().path("commandId");
        StationCommands.Sent sent = commands.await(id, commandId, OcppVersion.V2_0_1);
        assertThat(sent.request().action()).isEqualTo("GetLog");
        JsonNode payload = sent.request().payload();
        assertThat(payload.path("logType").asText()).isEqualTo("DiagnosticsLog");
        assertThat(payload.path("log").path("remoteLocation").asText()).isEqualTo("https://logs.example/up");
        int requestId = payload.path("requestId").asInt();
        commands.answer(sent, OcppVersion.V2_0_1, "{\"status\":\"Accepted\",\"filename\":\"log.tgz\"}");
        awaitAnswered(commandId);

        String first = gateway.call(id, OcppVersion.V2_0_1, "LogStatusNotification",
                new LogStatusNotification(UploadLogStatus.Uploading, requestId, null));
        assertThat(answerTo(first)).isInstanceOf(CsmsAnswer.EmptyAnswer.class);
        String second = gateway.call(id, OcppVersion.V2_0_1, "LogStatusNotification",
                new LogStatusNotification(UploadLogStatus.UploadFailure, requestId, null));
        assertThat(answerTo(second)).isInstanceOf(CsmsAnswer.EmptyAnswer.class);

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/logs")
                .then().statusCode(200)
                .body("requests", hasSize(1))
                .body("requests[0].reference", equalTo(String.valueOf(requestId)))
                .body("current.status", equalTo("UploadFailure"))
                .body("current.requestId", equalTo(requestId))
                .body("current.action", equalTo("LogStatusNotification"))
                .body("current.ocppVersion", equalTo("2.0.1"))
                .body("history", hasSize(2))
                .body("history[1].status", equalTo("Uploading"));
    }

    @Test
    void errors() throws Exception {
        String offline = Stations.register("LOG-");
        Map<String, Object> valid = Map.of("type", "Diagnostics", "location", "ftp://logs.example/up");
        post(offline, valid).statusCode(409).contentType("application/problem+json");
        post("NOPE-" + UUID.randomUUID(), valid).statusCode(404).contentType("application/problem+json");
        post(offline, Map.of("type", "Everything", "location", "ftp://logs.example/up")).statusCode(400)
                .contentType("application/problem+json");
        post(offline, Map.of("type", "Diagnostics")).statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(valid).when().post("/api/v1/stations/" + offline + "/logs")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(valid)
                .when().post("/api/v1/stations/" + offline + "/logs").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/NOPE-" + UUID.randomUUID() + "/logs")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/stations/" + offline + "/logs").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + offline + "/logs")
                .then().statusCode(200).body("requests", hasSize(0)).body("current", nullValue())
                .body("history", hasSize(0));
    }
}
