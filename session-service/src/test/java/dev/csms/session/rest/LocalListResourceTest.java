package dev.csms.session.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.csms.events.ocpp.Command;
import dev.csms.events.ocpp.CommandOutcome;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.AuthorizationData;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.UpdateType;
import dev.csms.session.testing.Gateway;
import dev.csms.session.testing.TokenFixtures;
import dev.csms.session.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Local authorization lists: the API, the commands on ocpp.outbound, the results on ocpp.inbound. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "session"))
class LocalListResourceTest {

    private static final String PROBLEM = "application/problem+json";
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

    private static void push(Map<String, Object> body, int status) {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/local-lists").then().statusCode(status);
    }

    private static void awaitState(String station, String path, Object expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> expected.equals(given()
                .auth().oauth2(Tokens.viewer()).when().get("/api/v1/local-lists/" + station)
                .then().extract().jsonPath().get(path)));
    }

    @Test
    void aFullListGoesToEveryStationAndItsVersionIsConfirmedOnlyWhenAccepted() {
        String accepting = station();
        String refusing = station();
        String card = TokenFixtures.accepted();
        String blocked = TokenFixtures.newValue();
        TokenFixtures.create(Map.of("value", blocked, "type", "ISO14443", "status", "Blocked",
                "expiresAt", "2099-01-01T00:00:00Z"));
        var issued = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("stationIds", List.of(accepting, refusing), "updateType", "Full",
                        "entries", List.of(Map.of("idToken", Map.of("value", card, "type", "ISO14443")),
                                Map.of("idToken", Map.of("value", blocked, "type", "ISO14443")))))
                .when().post("/api/v1/local-lists")
                .then().statusCode(202).extract().jsonPath();
        assertThat(issued.getList("commands.stationId")).containsExactly(accepting, refusing);
        assertThat(issued.getList("commands.versionNumber", Integer.class)).containsExactly(1, 1);

        Command sent = gateway.commands(accepting, 1).get(0);
        StationCommand.SendLocalList list = (StationCommand.SendLocalList) sent.command();
        assertThat(list.versionNumber()).isEqualTo(1);
        assertThat(list.updateType()).isEqualTo(UpdateType.Full);
        assertThat(list.entries()).extracting(AuthorizationData::idToken).extracting(t -> t.value())
                .containsExactly(card, blocked);
        assertThat(list.entries().get(1).idTokenInfo().status()).isEqualTo(AuthorizationStatus.Blocked);
        assertThat(sent.commandId()).isEqualTo(issued.getString("commands[0].commandId"));

        gateway.answered(sent, OcppVersion.V1_6, "{\"status\":\"Accepted\"}");
        gateway.answered(gateway.commands(refusing, 1).get(0), OcppVersion.V2_0_1, "{\"status\":\"VersionMismatch\"}");
        awaitState(accepting, "confirmedVersion", 1);
        awaitState(refusing, "commands[0].status", "Rejected");
        // the durable command ledger holds the same command, with its result
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/commands/" + sent.commandId())
                .then().statusCode(200).body("kind", equalTo("local-list")).body("reference", equalTo(accepting))
                .body("action", equalTo("SendLocalList")).body("status", equalTo("Answered"))
                .body("response.status", equalTo("Accepted"));
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/local-lists/" + refusing)
                .then().statusCode(200).body("confirmedVersion", equalTo(0)).body("issuedVersion", equalTo(1))
                .body("commands[0].detail", equalTo("VersionMismatch"));

        // the next list is version 2, a differential one removing the blocked card
        push(Map.of("stationIds", List.of(accepting), "updateType", "Differential", "entries",
                List.of(Map.of("idToken", Map.of("value", blocked, "type", "ISO14443"), "remove", true))), 202);
        StationCommand.SendLocalList diff = (StationCommand.SendLocalList) gateway.commands(accepting, 2).get(1)
                .command();
        assertThat(diff.versionNumber()).isEqualTo(2);
        assertThat(diff.entries().get(0).idTokenInfo()).isNull();
    }

    @Test
    void aDifferentialUpdateWaitsForThePreviousResultAndAFailedCommandIsRecorded() {
        String station = station();
        String card = TokenFixtures.accepted();
        Map<String, Object> diff = Map.of("stationIds", List.of(station), "updateType", "Differential",
                "entries", List.of(Map.of("idToken", Map.of("value", card, "type", "ISO14443"))));
        push(diff, 202);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(diff)
                .when().post("/api/v1/local-lists")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("previous SendLocalList"));
        gateway.failed(gateway.commands(station, 1).get(0), CommandOutcome.StationOffline);
        awaitState(station, "commands[0].status", "Failed");
        push(diff, 202);
    }

    @Test
    void theStationsListVersionAndCacheClearing() {
        String station = station();
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/local-lists/" + station + "/version-request")
                .then().statusCode(202).body("action", equalTo("GetLocalListVersion"));
        Command ask = gateway.commands(station, 1).get(0);
        assertThat(((StationCommand.RawCommand) ask.command()).action()).isEqualTo("GetLocalListVersion");
        gateway.answered(ask, OcppVersion.V2_0_1, "{\"versionNumber\":17}");
        awaitState(station, "reportedVersion", 17);

        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/local-lists/" + station + "/cache-clear")
                .then().statusCode(202).body("action", equalTo("ClearCache"));
        Command clear = gateway.commands(station, 2).get(1);
        assertThat(clear.command()).isEqualTo(new StationCommand.ClearCache());
        gateway.answered(clear, OcppVersion.V1_6, "{\"status\":\"Accepted\"}");
        awaitState(station, "commands[0].status", "Accepted");
    }

    @Test
    void badRequestsUnknownStationsAndRoles() {
        String station = station();
        push(Map.of("stationIds", List.of(), "updateType", "Full"), 400);
        push(Map.of("stationIds", List.of(station), "updateType", "Full", "entries",
                List.of(Map.of("idToken", Map.of("value", TokenFixtures.accepted(), "type", "ISO14443"),
                        "remove", true))), 400);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("stationIds", List.of(station), "updateType", "Full", "entries",
                        List.of(Map.of("idToken", Map.of("value", "NOT-REGISTERED", "type", "ISO14443")))))
                .when().post("/api/v1/local-lists")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("NOT-REGISTERED"));
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/local-lists/" + station)
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/local-lists/" + station).then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).when().post("/api/v1/local-lists/" + station + "/cache-clear")
                .then().statusCode(403).contentType(PROBLEM);
    }
}
