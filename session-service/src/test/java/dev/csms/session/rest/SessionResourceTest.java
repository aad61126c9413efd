package dev.csms.session.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import dev.csms.session.testing.Gateway;
import dev.csms.session.testing.SessionEvents;
import dev.csms.session.testing.TokenFixtures;
import dev.csms.session.testing.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sessions API: filters, paging, one session with its meter series, and the error cases. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "session"))
class SessionResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void sessionsAreFilteredByStationTokenStatusAndTimeAndPaged() {
        String station = "CS-" + UUID.randomUUID().toString().substring(0, 8);
        String tag = TokenFixtures.accepted();
        Instant t0 = Instant.parse("2025-06-01T10:00:00Z");
        try (Gateway gateway = new Gateway(); SessionEvents events = new SessionEvents()) {
            int first = gateway.response(gateway.call(station, OcppVersion.V1_6, "StartTransaction",
                    handlerStart(1, tag, 100, t0))).get("transactionId").asInt();
            gateway.call(station, OcppVersion.V1_6, "StopTransaction",
                    "{\"transactionId\":" + first + ",\"meterStop\":900,\"timestamp\":\"" + t0.plusSeconds(600) + "\"}");
            gateway.response(gateway.call(station, OcppVersion.V1_6, "StartTransaction",
                    handlerStart(1, TokenFixtures.accepted(), 900, t0.plus(1, ChronoUnit.DAYS))));
            gateway.response(gateway.call(station, OcppVersion.V1_6, "StartTransaction",
                    handlerStart(2, TokenFixtures.accepted(), 0, t0.plus(2, ChronoUnit.DAYS))));
            events.ended(station, 1);
        }
        given().auth().oauth2(Tokens.viewer()).queryParam("stationId", station).queryParam("size", 2)
                .when().get("/api/v1/sessions")
                .then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(2))
                .body("items.startedAt", contains("2025-06-03T10:00:00Z", "2025-06-02T10:00:00Z"));
        given().auth().oauth2(Tokens.viewer()).queryParam("stationId", station).queryParam("page", 1)
                .queryParam("size", 2).when().get("/api/v1/sessions")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].idToken.value", equalTo(tag));
        given().auth().oauth2(Tokens.viewer()).queryParam("stationId", station).queryParam("status", "Active")
                .when().get("/api/v1/sessions").then().statusCode(200).body("total", equalTo(2));
        given().auth().oauth2(Tokens.viewer()).queryParam("idToken", tag.toLowerCase())
                .when().get("/api/v1/sessions").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].energyWh", equalTo(800));
        String id = given().auth().oauth2(Tokens.viewer()).queryParam("stationId", station)
                .queryParam("from", "2025-06-01T00:00:00Z").queryParam("to", "2025-06-02T00:00:00Z")
                .when().get("/api/v1/sessions").then().statusCode(200).body("total", equalTo(1))
                .extract().path("items[0].id");

        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/sessions/" + id)
                .then().statusCode(200).body("session.status", equalTo("Ended"))
                .body("session.endedAt", equalTo("2025-06-01T10:10:00Z"))
                .body("meterValues.context", contains("Transaction.Begin", "Transaction.End"))
                .body("meterValues.unit", contains("Wh", "Wh"));
    }

    private static String handlerStart(int connector, String tag, long meterStart, Instant at) {
        return "{\"connectorId\":" + connector + ",\"idTag\":\"" + tag + "\",\"meterStart\":" + meterStart
                + ",\"timestamp\":\"" + at + "\"}";
    }

    @Test
    void badFiltersAre400UnknownSessionsAre404AndTheApiNeedsAToken() {
        given().auth().oauth2(Tokens.viewer()).queryParam("status", "Zombie").when().get("/api/v1/sessions")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).queryParam("from", "yesterday").when().get("/api/v1/sessions")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).queryParam("from", "2025-06-02T00:00:00Z")
                .queryParam("to", "2025-06-01T00:00:00Z").when().get("/api/v1/sessions")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/sessions/" + UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/sessions/not-a-uuid")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/sessions").then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(Tokens.nobody()).when().get("/api/v1/sessions").then().statusCode(403)
                .contentType(PROBLEM);
    }
}
