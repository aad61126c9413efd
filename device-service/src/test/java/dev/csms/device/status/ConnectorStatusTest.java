package dev.csms.device.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csms.device.testing.StationCalls;
import dev.csms.device.testing.Tokens;
import dev.csms.localstack.LocalStack;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.ConnectorStatus;
import dev.csms.ocpp.canonical.StationEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connector status from StatusNotification (1.6, 2.0.1) and NotifyEvent AvailabilityState (2.0.1) on ocpp.inbound,
 * current and history through the operator API, and last seen.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class ConnectorStatusTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private StationCalls gateway;

    @BeforeEach
    void open() {
        gateway = new StationCalls();
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    static String create(String prefix) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "securityProfile", 1, "enabled", true,
                        "allowedOcppVersions", List.of("1.6", "2.0.1")))
                .when().post("/api/v1/stations").then().statusCode(201);
        return id;
    }

    private static void awaitHistory(String id, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/status/history")
                        .then().statusCode(200).body("total", equalTo(count)));
    }

    private void status16(String id, int connector, ConnectorStatus status, String original, String error,
            Instant at) throws Exception {
        gateway.call(id, OcppVersion.V1_6, "StatusNotification", new StationEvent.StatusNotification(at, connector,
                connector == 0 ? 0 : 1, status, original, error, null, null, null));
    }

    @Test
    void aOneSixStationsConnectorsAndTheirHistory() throws Exception {
        String id = create("ST16");
        status16(id, 1, ConnectorStatus.Occupied, "Charging", "NoError", T0);
        status16(id, 2, ConnectorStatus.Faulted, "Faulted", "GroundFailure", T0.plusSeconds(10));
        status16(id, 1, ConnectorStatus.Available, "Available", "NoError", T0.plusSeconds(20));
        // reordered: older than the current status of connector 1, kept in the history only
        status16(id, 1, ConnectorStatus.Occupied, "Finishing", "NoError", T0.plusSeconds(15));
        awaitHistory(id, 4);
        // last seen is written in batches (csms.device.status.last-seen-flush-interval)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .when().get("/api/v1/stations/" + id + "/presence")
                .then().statusCode(200).body("lastSeenAt", notNullValue()));

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/status")
                .then().statusCode(200)
                .body("stationId", equalTo(id))
                .body("online", equalTo(false))
                .body("lastSeenAt", notNullValue())
                .body("connectors", hasSize(2))
                .body("connectors[0].evseId", equalTo(1))
                .body("connectors[0].connectorId", equalTo(1))
                .body("connectors[0].status", equalTo("Available"))
                .body("connectors[0].source", equalTo("StatusNotification"))
                .body("connectors[0].ocppVersion", equalTo("1.6"))
                .body("connectors[1].evseId", equalTo(2))
                .body("connectors[1].status", equalTo("Faulted"))
                .body("connectors[1].errorCode", equalTo("GroundFailure"));

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/status/history")
                .then().statusCode(200)
                .body("items", hasSize(4))
                .body("items[0].originalStatus", equalTo("Available"))
                .body("items[1].originalStatus", equalTo("Finishing"))
                .body("items[3].originalStatus", equalTo("Charging"));

        // window and paging
        given().auth().oauth2(Tokens.viewer())
                .queryParam("from", T0.plusSeconds(10).toString()).queryParam("to", T0.plusSeconds(20).toString())
                .when().get("/api/v1/stations/" + id + "/status/history")
                .then().statusCode(200).body("total", equalTo(2))
                .body("items[0].originalStatus", equalTo("Finishing"))
                .body("items[1].originalStatus", equalTo("Faulted"));
        given().auth().oauth2(Tokens.viewer()).queryParam("page", 1).queryParam("size", 3)
                .when().get("/api/v1/stations/" + id + "/status/history")
                .then().statusCode(200).body("total", equalTo(4)).body("page", equalTo(1)).body("size", equalTo(3))
                .body("items", hasSize(1)).body("items[0].originalStatus", equalTo("Charging"));

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/presence")
                .then().statusCode(200).body("lastSeenAt", notNullValue());
    }

    @Test
    void aTwoZeroOneStationsStatusNotificationAndNotifyEvent() throws Exception {
        String id = create("ST201");
        gateway.connected(id, 1);
        gateway.call(id, OcppVersion.V2_0_1, "StatusNotification", new StationEvent.StatusNotification(T0, 1, 1,
                ConnectorStatus.Occupied, "Occupied", null, null, null, null));
        JsonNode notify = new ObjectMapper().readTree("""
                {"generatedAt": "2026-03-01T10:01:00Z", "seqNo": 0, "eventData": [
                  {"eventId": 1, "timestamp": "2026-03-01T10:01:00Z", "trigger": "Delta", "actualValue": "Faulted",
                   "component": {"name": "Connector", "evse": {"id": 1, "connectorId": 1}},
                   "variable": {"name": "AvailabilityState"}, "eventNotificationType": "HardWiredNotification"},
                  {"eventId": 2, "timestamp": "2026-03-01T10:01:00Z", "trigger": "Delta", "actualValue": "Unavailable",
                   "component": {"name": "ChargingStation"},
                   "variable": {"name": "AvailabilityState"}, "eventNotificationType": "HardWiredNotification"},
                  {"eventId": 3, "timestamp": "2026-03-01T10:01:00Z", "trigger": "Delta", "actualValue": "true",
                   "component": {"name": "Connector", "evse": {"id": 1, "connectorId": 1}},
                   "variable": {"name": "Problem"}, "eventNotificationType": "HardWiredNotification"},
                  {"eventId": 4, "timestamp": "2026-03-01T10:00:30Z", "trigger": "Delta", "actualValue": "Unavailable",
                   "component": {"name": "Connector", "evse": {"id": 2, "connectorId": 1}},
                   "variable": {"name": "AvailabilityState"}, "eventNotificationType": "HardWiredNotification"},
                  {"eventId": 5, "timestamp": "2026-03-01T10:00:40Z", "trigger": "Delta", "actualValue": "Available",
                   "component": {"name": "Connector", "evse": {"id": 2, "connectorId": 1}},
                   "variable": {"name": "AvailabilityState"}, "eventNotificationType": "HardWiredNotification"}
                ]}""");
        gateway.call(id, OcppVersion.V2_0_1, "NotifyEvent", new StationEvent.RawStationMessage("NotifyEvent", notify,
                false));
        // two changes of EVSE 2 in one NotifyEvent: the last counts
        awaitHistory(id, 4);

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/status")
                .then().statusCode(200)
                .body("online", equalTo(true))
                .body("connectors", hasSize(3))
                .body("connectors[2].evseId", equalTo(2))
                .body("connectors[2].status", equalTo("Available"))
                .body("connectors[0].evseId", equalTo(0))
                .body("connectors[0].connectorId", equalTo(0))
                .body("connectors[0].status", equalTo("Unavailable"))
                .body("connectors[0].source", equalTo("NotifyEvent"))
                .body("connectors[1].evseId", equalTo(1))
                .body("connectors[1].status", equalTo("Faulted"))
                .body("connectors[1].errorCode", nullValue())
                .body("connectors[1].ocppVersion", equalTo("2.0.1"));
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/status/history")
                .then().statusCode(200).body("items[3].source", equalTo("StatusNotification"));
    }

    @Test
    void aStationWithoutReports() {
        String id = create("ST0");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/status")
                .then().statusCode(200).body("online", equalTo(false)).body("lastSeenAt", nullValue())
                .body("connectors", hasSize(0));
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/status/history")
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
    }

    @Test
    void errors() {
        String id = create("STE");
        String base = "/api/v1/stations/" + id + "/status";
        given().auth().oauth2(Tokens.viewer()).queryParam("from", "yesterday").when().get(base + "/history")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).queryParam("from", T0.toString()).queryParam("to", T0.toString())
                .when().get(base + "/history").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).queryParam("size", 0).when().get(base + "/history")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).queryParam("page", -1).when().get(base + "/history")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/NONE-x/status")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/NONE-x/status/history")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get(base).then().statusCode(401);
        given().when().get(base + "/history").then().statusCode(401);
        String nobody = LocalStack.get().jwt().token("eve", Set.of());
        given().auth().oauth2(nobody).when().get(base).then().statusCode(403);
        given().auth().oauth2(nobody).when().get(base + "/history").then().statusCode(403);
    }
}
