package dev.csms.device.alert;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.csms.device.testing.StationCalls;
import dev.csms.device.testing.Tokens;
import dev.csms.events.device.AlertRaised;
import dev.csms.localstack.LocalStack;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.ConnectorStatus;
import dev.csms.ocpp.canonical.StationEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The alert API: list filters and paging, read, acknowledge, and their errors. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class AlertResourceTest {

    /** Two Faulted connectors of a new station: two active alerts. */
    private static String[] twoAlerts(String id) throws Exception {
        try (StationCalls gateway = new StationCalls(); AlertProbe alerts = new AlertProbe()) {
            for (int connector = 1; connector <= 2; connector++) {
                gateway.call(id, OcppVersion.V1_6, "StatusNotification", new StationEvent.StatusNotification(
                        Instant.now(), connector, 1, ConnectorStatus.Faulted, "Faulted", "OtherError", null, null,
                        null));
            }
            return alerts.awaitRaised(id, AlertType.ConnectorFaulted, 2).stream().map(AlertRaised::alertId)
                    .toArray(String[]::new);
        }
    }

    @Test
    void listReadAcknowledge() throws Exception {
        String id = AlertRulesTest.create("AR");
        String[] ids = twoAlerts(id);

        given().auth().oauth2(Tokens.viewer()).queryParam("stationId", id).when().get("/api/v1/alerts")
                .then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(2))
                .body("items.state", everyItem(equalTo("active")))
                .body("items.acknowledged", everyItem(equalTo(false)));
        given().auth().oauth2(Tokens.viewer()).queryParam("stationId", id).queryParam("size", 1)
                .queryParam("page", 1).when().get("/api/v1/alerts")
                .then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(1)).body("page", equalTo(1));

        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/alerts/" + ids[0] + "/acknowledge")
                .then().statusCode(200).body("acknowledged", equalTo(true)).body("acknowledgedBy", equalTo("alice"))
                .body("acknowledgedAt", notNullValue()).body("state", equalTo("active"));
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/alerts/" + ids[0] + "/acknowledge")
                .then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(Tokens.viewer()).queryParam("stationId", id).queryParam("acknowledged", "true")
                .when().get("/api/v1/alerts").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(ids[0]));
        given().auth().oauth2(Tokens.viewer()).queryParam("stationId", id).queryParam("acknowledged", "false")
                .queryParam("type", "ConnectorFaulted").queryParam("state", "active")
                .when().get("/api/v1/alerts").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(ids[1]));
        given().auth().oauth2(Tokens.viewer()).queryParam("stationId", id).queryParam("state", "cleared")
                .when().get("/api/v1/alerts").then().statusCode(200).body("total", equalTo(0));
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/alerts/" + ids[1])
                .then().statusCode(200).body("stationId", equalTo(id)).body("type", equalTo("ConnectorFaulted"))
                .body("severity", equalTo("Warning")).body("subject", notNullValue());
    }

    @Test
    void errors() {
        given().auth().oauth2(Tokens.viewer()).queryParam("state", "open").when().get("/api/v1/alerts")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).queryParam("acknowledged", "maybe").when().get("/api/v1/alerts")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).queryParam("type", "Teleport").when().get("/api/v1/alerts")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).queryParam("size", 501).when().get("/api/v1/alerts")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/alerts/no-such-alert")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/alerts/no-such-alert/acknowledge")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/alerts").then().statusCode(401);
        given().when().get("/api/v1/alerts/x").then().statusCode(401);
        given().when().post("/api/v1/alerts/x/acknowledge").then().statusCode(401);
        String nobody = LocalStack.get().jwt().token("eve", Set.of());
        given().auth().oauth2(nobody).when().get("/api/v1/alerts").then().statusCode(403);
        given().auth().oauth2(Tokens.viewer()).when().post("/api/v1/alerts/x/acknowledge").then().statusCode(403);
    }
}
