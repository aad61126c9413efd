package dev.csms.device.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.csms.device.alert.AlertProbe;
import dev.csms.device.alert.AlertType;
import dev.csms.device.testing.StationCalls;
import dev.csms.device.testing.Stations;
import dev.csms.device.testing.Tokens;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.device.AlertCleared;
import dev.csms.events.device.AlertRaised;
import dev.csms.events.device.AlertSeverity;
import dev.csms.localstack.LocalStack;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.StationEvent.SecurityEventNotification;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SecurityEventNotification end to end: stored and answered (1.6 security extension, 2.0.1); a critical type raises
 * one SecurityEvent alert, cleared by the operator's acknowledgement; the station's security events via REST.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class SecurityEventTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final EventCodec codec = new EventCodec();
    private StationCalls gateway;
    private TopicProbe outbound;
    private AlertProbe alerts;

    @BeforeEach
    void open() {
        gateway = new StationCalls();
        outbound = new TopicProbe(Topics.unprefixed().outbound());
        alerts = new AlertProbe();
    }

    @AfterEach
    void close() {
        alerts.close();
        outbound.close();
        gateway.close();
    }

    private CsmsAnswer answerTo(String callEventId) {
        var record = outbound.await(r -> {
            var correlation = r.headers().lastHeader(CloudEventHeaders.PREFIX + CloudEventHeaders.CORRELATION_ID);
            return correlation != null && callEventId.equals(new String(correlation.value(), StandardCharsets.UTF_8));
        });
        return codec.fromRecord(record, EventTypes.CALL_ANSWER).data().answer();
    }

    @Test
    void storedAnsweredAndCriticalOnesAlertOnce() throws Exception {
        String id = Stations.register("SE-");
        String routine = gateway.call(id, OcppVersion.V1_6, "SecurityEventNotification",
                new SecurityEventNotification("SettingSystemTime", T0, null));
        assertThat(answerTo(routine)).isInstanceOf(CsmsAnswer.EmptyAnswer.class);
        String tamper = gateway.call(id, OcppVersion.V2_0_1, "SecurityEventNotification",
                new SecurityEventNotification("TamperDetectionActivated", T0.plusSeconds(60), "lid opened"));
        assertThat(answerTo(tamper)).isInstanceOf(CsmsAnswer.EmptyAnswer.class);

        AlertRaised raised = alerts.awaitRaised(id, AlertType.SecurityEvent);
        assertThat(raised.severity()).isEqualTo(AlertSeverity.Critical);
        assertThat(raised.subject()).isEqualTo("TamperDetectionActivated");
        assertThat(raised.message()).contains("lid opened");

        String again = gateway.call(id, OcppVersion.V2_0_1, "SecurityEventNotification",
                new SecurityEventNotification("TamperDetectionActivated", T0.plusSeconds(120), null));
        assertThat(answerTo(again)).isInstanceOf(CsmsAnswer.EmptyAnswer.class);
        assertThat(alerts.allRaised(id, AlertType.SecurityEvent)).hasSize(1);

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/security-events")
                .then().statusCode(200).body("stationId", equalTo(id)).body("total", equalTo(3))
                .body("items", hasSize(3))
                .body("items[0].eventType", equalTo("TamperDetectionActivated"))
                .body("items[0].critical", equalTo(true))
                .body("items[0].ocppVersion", equalTo("2.0.1"))
                .body("items[1].techInfo", equalTo("lid opened"))
                .body("items[2].eventType", equalTo("SettingSystemTime"))
                .body("items[2].critical", equalTo(false))
                .body("items[2].ocppVersion", equalTo("1.6"));
        given().auth().oauth2(Tokens.viewer()).queryParam("page", 1).queryParam("size", 2)
                .when().get("/api/v1/stations/" + id + "/security-events")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].eventType",
                        equalTo("SettingSystemTime"));

        // a security event does not end by itself: the operator's acknowledgement clears it
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/alerts/" + raised.alertId() + "/acknowledge")
                .then().statusCode(200).body("acknowledged", equalTo(true)).body("state", equalTo("cleared"));
        AlertCleared cleared = alerts.awaitCleared(id, AlertType.SecurityEvent);
        assertThat(cleared.alertId()).isEqualTo(raised.alertId());
        assertThat(cleared.reason()).contains("alice");
    }

    @Test
    void aRedeliveredCallIsStoredOnce() throws Exception {
        String id = Stations.register("SE-");
        // the same StationCall event twice (at-least-once delivery): answered twice, stored and alerted once
        String call = gateway.callTwice(id, OcppVersion.V2_0_1, "SecurityEventNotification",
                new SecurityEventNotification("InvalidCsmsCertificate", T0, null));
        outbound.awaitAll(r -> {
            var correlation = r.headers().lastHeader(CloudEventHeaders.PREFIX + CloudEventHeaders.CORRELATION_ID);
            return correlation != null && call.equals(new String(correlation.value(), StandardCharsets.UTF_8));
        }, 2);
        assertThat(alerts.allRaised(id, AlertType.SecurityEvent)).hasSize(1);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/security-events")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void errors() {
        String id = Stations.register("SE-");
        given().auth().oauth2(Tokens.viewer()).queryParam("size", 0)
                .when().get("/api/v1/stations/" + id + "/security-events")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/NONE-x/security-events")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/stations/" + id + "/security-events").then().statusCode(401);
        given().auth().oauth2(LocalStack.get().jwt().token("eve", Set.of()))
                .when().get("/api/v1/stations/" + id + "/security-events").then().statusCode(403);
    }
}
