package dev.csms.session.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.csms.events.ocpp.Command;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.adapter.OcppAdapter;
import dev.csms.ocpp.adapter.OcppRequest;
import dev.csms.ocpp.canonical.ChargingProfilePurpose;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.schema.MessageKind;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import dev.csms.runtime.presence.PresenceView;
import dev.csms.session.testing.Gateway;
import dev.csms.session.testing.TokenFixtures;
import dev.csms.session.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Remote start and stop end to end: REST -> command ledger -> Command on ocpp.outbound; the test plays the gateway
 * (presence on ocpp.presence, the station's answer as a CommandResult on ocpp.inbound) and reads the result at
 * /api/v1/commands/{id}.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "session"))
class RemoteControlTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    PresenceView presence;

    private Gateway gateway;

    @BeforeEach
    void open() {
        gateway = new Gateway();
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    private static String station() {
        return "CS-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String connected(OcppVersion version) {
        String station = station();
        gateway.connected(station, version);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> presence.isConnected(station));
        return station;
    }

    private static JsonPath start(Map<String, Object> body, int status) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/sessions/remote-start").then().statusCode(status).extract().jsonPath();
    }

    private static void awaitCommand(String commandId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> status.equals(given()
                .auth().oauth2(Tokens.viewer()).when().get("/api/v1/commands/" + commandId)
                .then().extract().jsonPath().getString("status")));
    }

    private static Map<String, Object> token(String value) {
        return Map.of("value", value, "type", "ISO14443");
    }

    @Test
    void aRemoteStartOnA16StationNamesTheConnectorAndIsAnswered() {
        String station = connected(OcppVersion.V1_6);
        String tag = TokenFixtures.accepted();
        var response = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("stationId", station, "connectorId", 2, "idToken", token(tag)))
                .when().post("/api/v1/sessions/remote-start").then().statusCode(202).extract();
        String commandId = response.jsonPath().getString("commandId");
        assertThat(response.header("Location")).endsWith("/api/v1/commands/" + commandId);

        Command sent = gateway.commands(station, 1).get(0);
        assertThat(sent.commandId()).isEqualTo(commandId);
        StationCommand.RequestStartTransaction command = (StationCommand.RequestStartTransaction) sent.command();
        assertThat(command.evseId()).isEqualTo(2);
        assertThat(command.idToken().value()).isEqualTo(tag);
        assertThat(command.remoteStartId()).isEqualTo(response.jsonPath().getInt("remoteStartId"));

        gateway.answered(sent, OcppVersion.V1_6, "{\"status\":\"Accepted\"}");
        awaitCommand(commandId, "Answered");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/commands/" + commandId)
                .then().statusCode(200).body("kind", equalTo("remote-start"))
                .body("action", equalTo("RequestStartTransaction"))
                .body("reference", equalTo(String.valueOf(command.remoteStartId())))
                .body("requestedBy", equalTo("alice"));
    }

    @Test
    void aRemoteStartOnA201StationCarriesItsRemoteStartIdIntoTheSession() {
        String station = connected(OcppVersion.V2_0_1);
        String card = TokenFixtures.accepted();
        JsonPath first = start(Map.of("stationId", station, "evseId", 1, "idToken", token(card)), 202);
        JsonPath second = start(Map.of("stationId", station, "idToken", token(card)), 202);
        int remoteStartId = first.getInt("remoteStartId");
        assertThat(second.getInt("remoteStartId")).isNotEqualTo(remoteStartId);

        var sent = gateway.commands(station, 2);
        StationCommand.RequestStartTransaction command = (StationCommand.RequestStartTransaction) sent.get(0)
                .command();
        assertThat(command.evseId()).isEqualTo(1);
        assertThat(command.remoteStartId()).isEqualTo(remoteStartId);
        assertThat(command.idToken().type()).isEqualTo(IdTokenType.ISO14443);
        assertThat(((StationCommand.RequestStartTransaction) sent.get(1).command()).evseId()).isNull();
        gateway.answered(sent.get(0), OcppVersion.V2_0_1, "{\"status\":\"Accepted\"}");
        awaitCommand(first.getString("commandId"), "Answered");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/commands/" + first.getString("commandId"))
                .then().body("response.status", equalTo("Accepted"));

        // the station starts the transaction and names the remoteStartId: the session shows it
        String at = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        gateway.call(station, OcppVersion.V2_0_1, "TransactionEvent", "{\"eventType\":\"Started\",\"timestamp\":\""
                + at + "\",\"triggerReason\":\"RemoteStart\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\"tx-"
                + station + "\",\"remoteStartId\":" + remoteStartId + "},\"idToken\":{\"idToken\":\"" + card
                + "\",\"type\":\"ISO14443\"},\"evse\":{\"id\":1,\"connectorId\":1}}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(remoteStartId).equals(given()
                .auth().oauth2(Tokens.viewer()).queryParam("stationId", station).when().get("/api/v1/sessions")
                .then().extract().jsonPath().get("items[0].remoteStartId")));
    }

    @Test
    void aRemoteStopOfAnActiveSessionSendsItsTransactionIdAndAnEndedSessionIsRefused() {
        String station = connected(OcppVersion.V1_6);
        String tag = TokenFixtures.accepted();
        String at = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        int txId = gateway.response(gateway.call(station, OcppVersion.V1_6, "StartTransaction",
                "{\"connectorId\":1,\"idTag\":\"" + tag + "\",\"meterStart\":100,\"timestamp\":\"" + at + "\"}"))
                .get("transactionId").asInt();
        String sessionId = given().auth().oauth2(Tokens.viewer()).queryParam("stationId", station)
                .when().get("/api/v1/sessions").then().statusCode(200).extract().jsonPath().getString("items[0].id");

        var response = given().auth().oauth2(Tokens.operator()).when()
                .post("/api/v1/sessions/" + sessionId + "/remote-stop").then().statusCode(202).extract();
        String commandId = response.jsonPath().getString("commandId");
        assertThat(response.header("Location")).endsWith("/api/v1/commands/" + commandId);
        Command sent = gateway.commands(station, 1).get(0);
        assertThat(sent.command()).isEqualTo(new StationCommand.RequestStopTransaction(String.valueOf(txId)));
        gateway.answered(sent, OcppVersion.V1_6, "{\"status\":\"Accepted\"}");
        awaitCommand(commandId, "Answered");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/commands/" + commandId)
                .then().body("kind", equalTo("remote-stop")).body("reference", equalTo(sessionId));

        gateway.call(station, OcppVersion.V1_6, "StopTransaction", "{\"transactionId\":" + txId + ",\"idTag\":\""
                + tag + "\",\"meterStop\":200,\"timestamp\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS)
                + "\",\"reason\":\"Remote\"}");
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "Ended".equals(given()
                .auth().oauth2(Tokens.viewer()).when().get("/api/v1/sessions/" + sessionId)
                .then().extract().jsonPath().getString("session.status")));
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/sessions/" + sessionId + "/remote-stop")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("not Active"));
    }

    @Test
    void badRequestsOfflineStationsUnknownSessionsAndRoles() {
        String offline = station();
        start(Map.of("stationId", offline, "idToken", token("CARD-1")), 409);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("stationId", offline, "idToken", token("CARD-1")))
                .when().post("/api/v1/sessions/remote-start").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:csms:problem:station-offline"));

        String v16 = connected(OcppVersion.V1_6);
        String v201 = connected(OcppVersion.V2_0_1);
        // bad bodies
        start(Map.of("idToken", token("CARD-1")), 400);
        start(Map.of("stationId", v201), 400);
        start(Map.of("stationId", v201, "evseId", 0, "idToken", token("CARD-1")), 400);
        start(Map.of("stationId", v201, "idToken", Map.of("value", "CARD-1", "type", "Nonsense")), 400);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{not json")
                .when().post("/api/v1/sessions/remote-start").then().statusCode(400).contentType(PROBLEM);
        // what the station's version cannot carry
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("stationId", v16, "idToken", token("A-TAG-LONGER-THAN-TWENTY")))
                .when().post("/api/v1/sessions/remote-start").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("idTag"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("stationId", v201, "connectorId", 1, "idToken", token("CARD-1")))
                .when().post("/api/v1/sessions/remote-start").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("evseId"));

        // unknown sessions
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/sessions/" + UUID.randomUUID() + "/remote-stop")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/sessions/not-a-uuid/remote-stop")
                .then().statusCode(404).contentType(PROBLEM);

        // roles
        Map<String, Object> body = Map.of("stationId", v201, "idToken", token("CARD-1"));
        given().contentType(ContentType.JSON).body(body).when().post("/api/v1/sessions/remote-start")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/sessions/remote-start").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).when().post("/api/v1/sessions/" + UUID.randomUUID() + "/remote-stop")
                .then().statusCode(403).contentType(PROBLEM);
        // none of the refused requests sent anything
        assertThat(gateway.outbound(r -> v16.equals(r.key()) || v201.equals(r.key()) || offline.equals(r.key())))
                .isEmpty();
    }

    private static Map<String, Object> txProfile(String purpose, int schedules) {
        Map<String, Object> schedule = Map.of("id", 1, "chargingRateUnit", "A", "duration", 3600,
                "periods", List.of(Map.of("startPeriod", 0, "limit", 16), Map.of("startPeriod", 1800, "limit", 10)));
        return Map.of("id", 77, "stackLevel", 1, "purpose", purpose, "kind", "Relative",
                "schedules", java.util.Collections.nCopies(schedules, schedule));
    }

    @Test
    void aRemoteStartPassesItsTxProfileOn16And201AndItsGroupOn201() {
        OcppSchemaValidator schemas = new OcppSchemaValidator();
        for (OcppVersion version : List.of(OcppVersion.V1_6, OcppVersion.V2_0_1)) {
            String station = connected(version);
            Map<String, Object> body = new HashMap<>(Map.of("stationId", station, "evseId", 1,
                    "idToken", token(TokenFixtures.accepted()), "chargingProfile", txProfile("TxProfile", 1)));
            if (version != OcppVersion.V1_6) {
                body.put("groupIdToken", Map.of("value", "FLEET-9", "type", "Central"));
            }
            JsonPath started = start(body, 202);
            Command sent = gateway.command(station, started.getString("commandId"));
            StationCommand.RequestStartTransaction command = (StationCommand.RequestStartTransaction) sent.command();
            assertThat(command.chargingProfile().purpose()).isEqualTo(ChargingProfilePurpose.TxProfile);
            assertThat(command.chargingProfile().schedules().get(0).periods()).hasSize(2);
            // what the gateway sends: the version's CALL, valid against its official schema
            OcppRequest request = OcppAdapter.forVersion(version, Clock.systemUTC()).toRequest(command);
            assertThat(schemas.validate(version, request.action(), MessageKind.REQUEST, request.payload()).isValid())
                    .as("%s %s", version, request.payload()).isTrue();
            assertThat(request.payload().at("/chargingProfile/chargingProfilePurpose").asText()).isEqualTo("TxProfile");
            if (version == OcppVersion.V1_6) {
                assertThat(command.groupIdToken()).isNull();
            } else {
                assertThat(command.groupIdToken().value()).isEqualTo("FLEET-9");
                assertThat(request.payload().at("/groupIdToken/idToken").asText()).isEqualTo("FLEET-9");
            }
        }
    }

    @Test
    void aRemoteStartWithAProfileOrGroupItsVersionCannotTakeIsRefused() {
        String v16 = connected(OcppVersion.V1_6);
        String v201 = connected(OcppVersion.V2_0_1);
        for (String station : List.of(v16, v201)) {
            given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                    .body(Map.of("stationId", station, "idToken", token("CARD-1"),
                            "chargingProfile", txProfile("TxDefaultProfile", 1)))
                    .when().post("/api/v1/sessions/remote-start").then().statusCode(400).contentType(PROBLEM)
                    .body("detail", containsString("TxProfile"));
            Map<String, Object> named = new HashMap<>(txProfile("TxProfile", 1));
            named.put("transactionId", "12");
            start(Map.of("stationId", station, "idToken", token("CARD-1"), "chargingProfile", named), 400);
            start(Map.of("stationId", station, "idToken", token("CARD-1"), "chargingProfile", Map.of("id", 1)), 400);
        }
        // 1.6 takes exactly one schedule and no group
        start(Map.of("stationId", v16, "idToken", token("CARD-1"), "chargingProfile", txProfile("TxProfile", 2)), 400);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("stationId", v16, "idToken", token("CARD-1"),
                        "groupIdToken", Map.of("value", "FLEET-9", "type", "Central")))
                .when().post("/api/v1/sessions/remote-start").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("groupIdToken"));
        // 2.0.1 has no VIN tokens
        start(Map.of("stationId", v201, "idToken", token("CARD-1"),
                "groupIdToken", Map.of("value", "FLEET-9", "type", "VIN")), 400);
        assertThat(gateway.outbound(r -> v16.equals(r.key()) || v201.equals(r.key()))).isEmpty();
    }

    @Test
    void a16StartFollowingARemoteStartIsLinkedToIt() {
        String station = connected(OcppVersion.V1_6);
        String tag = TokenFixtures.accepted();
        String other = TokenFixtures.accepted();
        JsonPath remote = start(Map.of("stationId", station, "connectorId", 2, "idToken", token(tag)), 202);
        int remoteStartId = remote.getInt("remoteStartId");
        Command sent = gateway.command(station, remote.getString("commandId"));
        gateway.answered(sent, OcppVersion.V1_6, "{\"status\":\"Accepted\"}");
        awaitCommand(remote.getString("commandId"), "Answered");

        // another idTag, and the same idTag on another connector, are not that remote start's transaction
        startTransaction16(station, 2, other);
        startTransaction16(station, 1, tag);
        // the idTag on the connector it named is
        int linked = startTransaction16(station, 2, tag);
        JsonPath sessions = given().auth().oauth2(Tokens.viewer()).queryParam("stationId", station)
                .when().get("/api/v1/sessions").then().statusCode(200).extract().jsonPath();
        assertThat(sessions.getList("items", Map.class)).hasSize(3);
        for (Map<?, ?> session : sessions.getList("items", Map.class)) {
            Object expected = String.valueOf(linked).equals(session.get("transactionId")) ? remoteStartId : null;
            assertThat(session.get("remoteStartId")).as("%s", session).isEqualTo(expected);
        }
        // linked once: a later start of the same idTag there is not linked again
        int later = startTransaction16(station, 2, tag);
        assertThat(given().auth().oauth2(Tokens.viewer()).queryParam("stationId", station)
                .when().get("/api/v1/sessions").then().extract().jsonPath()
                .getList("items.findAll { it.transactionId == '" + later + "' }.remoteStartId"))
                .containsOnlyNulls();
    }

    private int startTransaction16(String station, int connector, String tag) {
        String at = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        return gateway.response(gateway.call(station, OcppVersion.V1_6, "StartTransaction",
                "{\"connectorId\":" + connector + ",\"idTag\":\"" + tag + "\",\"meterStart\":0,\"timestamp\":\""
                        + at + "\"}")).get("transactionId").asInt();
    }
}
