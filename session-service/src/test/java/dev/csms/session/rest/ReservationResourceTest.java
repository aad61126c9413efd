package dev.csms.session.rest;

import static dev.csms.session.reservation.ReservationFixtures.active;
import static dev.csms.session.reservation.ReservationFixtures.awaitStatus;
import static dev.csms.session.reservation.ReservationFixtures.connected;
import static dev.csms.session.reservation.ReservationFixtures.get;
import static dev.csms.session.reservation.ReservationFixtures.reserve;
import static dev.csms.session.reservation.ReservationFixtures.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.csms.events.ocpp.Command;
import dev.csms.events.sessions.ReservationStatus;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.presence.PresenceView;
import dev.csms.session.reservation.ReservationFixtures;
import dev.csms.session.testing.Gateway;
import dev.csms.session.testing.SessionEvents;
import dev.csms.session.testing.TestClock;
import dev.csms.session.testing.TokenFixtures;
import dev.csms.session.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /api/v1/reservations: make, list, read, cancel, and every refusal with its problem+json. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "session"))
class ReservationResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    PresenceView presence;

    private Gateway gateway;
    private SessionEvents events;

    @BeforeEach
    void open() {
        gateway = new Gateway();
        events = new SessionEvents();
    }

    @AfterEach
    void close() {
        events.close();
        gateway.close();
    }

    private static String in(Duration duration) {
        return TestClock.now().plus(duration).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static Map<String, Object> body(String station, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("stationId", station, "idToken", token("CARD-1"),
                "expiresAt", in(Duration.ofMinutes(30))));
        for (int i = 0; i < more.length; i += 2) {
            if (more[i + 1] == null) {
                body.remove((String) more[i]);
            } else {
                body.put((String) more[i], more[i + 1]);
            }
        }
        return body;
    }

    @Test
    void makeListReadAndCancel() {
        String station = connected(gateway, presence, OcppVersion.V2_0_1);
        var made = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(body(station, "evseId", 1, "idToken", token(TokenFixtures.accepted()),
                        "groupIdToken", Map.of("value", "FLEET-1", "type", "Central")))
                .when().post("/api/v1/reservations").then().statusCode(202).extract();
        String commandId = made.jsonPath().getString("commandId");
        int id = made.jsonPath().getInt("reservationId");
        assertThat(made.header("Location")).endsWith("/api/v1/commands/" + commandId);
        assertThat(made.jsonPath().getString("stationId")).isEqualTo(station);
        Command sent = gateway.command(station, commandId);
        assertThat(((StationCommand.ReserveNow) sent.command()).groupIdToken().value()).isEqualTo("FLEET-1");
        gateway.answered(sent, OcppVersion.V2_0_1, "{\"status\":\"Accepted\"}");
        awaitStatus(id, "Active");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/commands/" + commandId).then()
                .body("kind", equalTo("reservation")).body("action", equalTo("ReserveNow"))
                .body("reference", equalTo(String.valueOf(id))).body("requestedBy", equalTo("alice"));

        JsonPath one = get(id);
        assertThat(one.getString("ocppVersion")).isEqualTo("2.0.1");
        assertThat(one.getInt("evseId")).isEqualTo(1);
        assertThat(one.getString("groupIdToken.value")).isEqualTo("FLEET-1");
        assertThat(one.getString("commandId")).isEqualTo(commandId);

        int second = reserve(body(station, "evseId", 2), 202).getInt("reservationId");
        JsonPath all = given().auth().oauth2(Tokens.viewer()).queryParam("stationId", station)
                .when().get("/api/v1/reservations").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items.id", Integer.class)).containsExactly(second, id);
        assertThat(all.getLong("total")).isEqualTo(2);
        JsonPath activeOnly = given().auth().oauth2(Tokens.viewer()).queryParam("stationId", station)
                .queryParam("status", "Active").queryParam("size", 1).when().get("/api/v1/reservations")
                .then().statusCode(200).extract().jsonPath();
        assertThat(activeOnly.getList("items.id", Integer.class)).containsExactly(id);
        assertThat(activeOnly.getInt("size")).isEqualTo(1);

        var cancel = given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/reservations/" + id)
                .then().statusCode(202).extract();
        String cancelId = cancel.jsonPath().getString("commandId");
        assertThat(cancel.header("Location")).endsWith("/api/v1/commands/" + cancelId);
        Command cancelling = gateway.command(station, cancelId);
        assertThat(cancelling.command()).isEqualTo(new StationCommand.CancelReservation(id));
        assertThat(get(id).getString("status")).isEqualTo("Active");
        gateway.answered(cancelling, OcppVersion.V2_0_1, "{\"status\":\"Accepted\"}");
        awaitStatus(id, "Cancelled");
        assertThat(get(id).getString("cancelCommandId")).isEqualTo(cancelId);
        events.reservations(station, 1, e -> e.reservationId() == id && e.status() == ReservationStatus.Cancelled);
        // no longer live
        given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/reservations/" + id)
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("Cancelled"));
    }

    @Test
    void aRejectedCancelLeavesTheReservationActive() {
        String station = connected(gateway, presence, OcppVersion.V1_6);
        int id = active(gateway, station, OcppVersion.V1_6, body(station, "evseId", 1));
        String cancelId = given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/reservations/" + id)
                .then().statusCode(202).extract().jsonPath().getString("commandId");
        gateway.answered(gateway.command(station, cancelId), OcppVersion.V1_6, "{\"status\":\"Rejected\"}");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "Answered".equals(given()
                .auth().oauth2(Tokens.viewer()).when().get("/api/v1/commands/" + cancelId).then().extract()
                .jsonPath().getString("status")));
        assertThat(get(id).getString("status")).isEqualTo("Active");
    }

    @Test
    void badRequestsUnknownsConflictsAndRoles() {
        String offline = ReservationFixtures.station();
        reserve(body(offline), 409);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body(offline))
                .when().post("/api/v1/reservations").then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo("urn:csms:problem:station-offline"));

        String v16 = connected(gateway, presence, OcppVersion.V1_6);
        String v201 = connected(gateway, presence, OcppVersion.V2_0_1);
        // bad bodies
        List<Map<String, Object>> bad = List.of(
                body(v201, "stationId", null),
                body(v201, "idToken", null),
                body(v201, "expiresAt", null),
                body(v201, "expiresAt", "tomorrow"),
                body(v201, "evseId", -1),
                body(v201, "idToken", Map.of("value", "CARD-1", "type", "Nonsense")),
                body(v201, "expiresAt", in(Duration.ofMinutes(-1))),
                body(v201, "idToken", Map.of("value", "CARD-1", "type", "VIN")),
                body(v201, "idToken", Map.of("value", "CARD-1", "type", "NoAuthorization")),
                body(v16, "idToken", token("A-TAG-LONGER-THAN-TWENTY")),
                body(v16, "groupIdToken", token("A-TAG-LONGER-THAN-TWENTY")));
        for (Map<String, Object> b : bad) {
            given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(b)
                    .when().post("/api/v1/reservations").then().statusCode(400).contentType(PROBLEM);
        }
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(body(v201, "expiresAt", in(Duration.ofMinutes(-1))))
                .when().post("/api/v1/reservations").then().statusCode(400).body("detail", containsString("future"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{not json")
                .when().post("/api/v1/reservations").then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).queryParam("status", "Nonsense").when().get("/api/v1/reservations")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).queryParam("size", 0).when().get("/api/v1/reservations")
                .then().statusCode(400).contentType(PROBLEM);

        // unknown reservations
        for (String id : List.of("2000000000", "not-a-number")) {
            given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/reservations/" + id)
                    .then().statusCode(404).contentType(PROBLEM);
            given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/reservations/" + id)
                    .then().statusCode(404).contentType(PROBLEM);
        }

        // a Requested reservation (no answer yet) may be cancelled too
        int requested = reserve(body(v16, "evseId", 1), 202).getInt("reservationId");
        given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/reservations/" + requested)
                .then().statusCode(202);

        // roles
        given().contentType(ContentType.JSON).body(body(v201)).when().post("/api/v1/reservations")
                .then().statusCode(401);
        given().when().get("/api/v1/reservations").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(body(v201))
                .when().post("/api/v1/reservations").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).when().delete("/api/v1/reservations/" + requested)
                .then().statusCode(403).contentType(PROBLEM);
        // none of the refused requests sent anything: only the one reservation and its cancel went to v16
        assertThat(gateway.outbound(r -> v201.equals(r.key()) || offline.equals(r.key()))).isEmpty();
    }
}
