package dev.csms.device.alert;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.csms.device.testing.StationCalls;
import dev.csms.device.testing.Tokens;
import dev.csms.events.device.AlertCleared;
import dev.csms.events.device.AlertRaised;
import dev.csms.events.device.AlertSeverity;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.ConnectorStatus;
import dev.csms.ocpp.canonical.StationEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each alert rule end to end: the condition on ocpp.inbound raises one AlertRaised on device.alerts (and an active
 * alert in the API), its end one AlertCleared. Thresholds of the test profile: offline after 2 s, 3 disconnects or 3
 * boots within a minute, cleared after 4 s quiet; sweep every 500 ms.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class AlertRulesTest {

    private StationCalls gateway;
    private AlertProbe alerts;

    @BeforeEach
    void open() {
        gateway = new StationCalls();
        alerts = new AlertProbe();
    }

    @AfterEach
    void close() {
        alerts.close();
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

    private static void assertState(String alertId, String state) {
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/alerts/" + alertId)
                .then().statusCode(200).body("state", equalTo(state));
    }

    private void status(String id, int connector, ConnectorStatus status, String errorCode) throws Exception {
        gateway.call(id, OcppVersion.V1_6, "StatusNotification", new StationEvent.StatusNotification(Instant.now(),
                connector, 1, status, status.name(), errorCode, null, null, null));
    }

    @Test
    void aFaultedConnectorRaisesOnceAndClearsWhenItLeavesFaulted() throws Exception {
        String id = create("AF");
        status(id, 1, ConnectorStatus.Faulted, "GroundFailure");
        AlertRaised raised = alerts.awaitRaised(id, AlertType.ConnectorFaulted);
        assertThat(raised.subject()).isEqualTo("evse/1/connector/1");
        assertThat(raised.severity()).isEqualTo(AlertSeverity.Warning);
        assertThat(raised.message()).contains("GroundFailure");
        status(id, 1, ConnectorStatus.Faulted, "GroundFailure"); // still Faulted: no second alert
        status(id, 2, ConnectorStatus.Available, "NoError"); // another connector: unrelated
        given().auth().oauth2(Tokens.viewer()).queryParam("stationId", id).queryParam("state", "active")
                .when().get("/api/v1/alerts").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(raised.alertId())).body("items[0].type", equalTo("ConnectorFaulted"));

        status(id, 1, ConnectorStatus.Available, "NoError");
        AlertCleared cleared = alerts.awaitCleared(id, AlertType.ConnectorFaulted);
        assertThat(cleared.alertId()).isEqualTo(raised.alertId());
        assertThat(alerts.allRaised(id, AlertType.ConnectorFaulted)).hasSize(1);
        assertState(raised.alertId(), "cleared");
    }

    @Test
    void anOfflineStationRaisesAfterTheThresholdAndClearsWhenItConnects() throws Exception {
        String id = create("AO");
        gateway.connected(id, 1);
        gateway.disconnected(id, 1);
        AlertRaised raised = alerts.awaitRaised(id, AlertType.StationOffline);
        assertThat(raised.subject()).isEqualTo("station");
        assertState(raised.alertId(), "active");

        gateway.connected(id, 2);
        AlertCleared cleared = alerts.awaitCleared(id, AlertType.StationOffline);
        assertThat(cleared.alertId()).isEqualTo(raised.alertId());
        assertThat(alerts.allRaised(id, AlertType.StationOffline)).hasSize(1);
        assertState(raised.alertId(), "cleared");
    }

    @Test
    void repeatedDisconnectsRaiseOnceAndClearAfterAQuietPeriod() throws Exception {
        String id = create("AD");
        for (int epoch = 1; epoch <= 4; epoch++) {
            gateway.connected(id, epoch);
            gateway.disconnected(id, epoch);
        }
        gateway.disconnected(id, 4); // a redelivered disconnect counts once
        gateway.connected(id, 5);
        AlertRaised raised = alerts.awaitRaised(id, AlertType.RepeatedDisconnects);
        assertThat(raised.subject()).isEqualTo("connection");
        AlertCleared cleared = alerts.awaitCleared(id, AlertType.RepeatedDisconnects);
        assertThat(cleared.alertId()).isEqualTo(raised.alertId());
        assertThat(cleared.reason()).contains("quiet");
        assertThat(alerts.allRaised(id, AlertType.RepeatedDisconnects)).hasSize(1);
        assertState(raised.alertId(), "cleared");
    }

    @Test
    void twoDisconnectsAreNotRepeatedDisconnects() throws Exception {
        String id = create("AD2");
        gateway.connected(id, 1);
        gateway.disconnected(id, 1);
        gateway.connected(id, 2);
        gateway.disconnected(id, 2);
        gateway.connected(id, 3);
        // the offline alert is not raised either (it reconnected); the marker: a Faulted alert after the events
        status(id, 1, ConnectorStatus.Faulted, null);
        alerts.awaitRaised(id, AlertType.ConnectorFaulted);
        assertThat(alerts.allRaised(id, AlertType.RepeatedDisconnects)).isEmpty();
    }

    @Test
    void aBootLoopRaisesOnceAndClearsAfterAQuietPeriod() throws Exception {
        String id = create("AB");
        for (int i = 0; i < 4; i++) {
            gateway.boot(id);
        }
        AlertRaised raised = alerts.awaitRaised(id, AlertType.BootLoop);
        assertThat(raised.subject()).isEqualTo("station");
        AlertCleared cleared = alerts.awaitCleared(id, AlertType.BootLoop);
        assertThat(cleared.alertId()).isEqualTo(raised.alertId());
        assertThat(alerts.allRaised(id, AlertType.BootLoop)).hasSize(1);
        given().auth().oauth2(Tokens.viewer()).queryParam("stationId", id).queryParam("type", "BootLoop")
                .queryParam("state", "cleared").when().get("/api/v1/alerts")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].clearReason", equalTo(cleared.reason()));
    }
}
