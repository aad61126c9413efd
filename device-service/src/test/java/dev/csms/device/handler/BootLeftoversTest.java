package dev.csms.device.handler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.csms.device.alert.AlertProbe;
import dev.csms.device.alert.AlertType;
import dev.csms.device.testing.StationCalls;
import dev.csms.device.testing.StationCommands;
import dev.csms.device.testing.Tokens;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.device.AlertCleared;
import dev.csms.events.device.AlertRaised;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CsmsAnswer.BootNotificationAnswer;
import dev.csms.ocpp.canonical.MessageTrigger;
import dev.csms.ocpp.canonical.RegistrationStatus;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.presence.PresenceView;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The boot policy's leftovers: Pending while provisioning runs, the vendor/model mismatch alert, and the
 * TriggerMessage(BootNotification) after an accept going through the command ledger (kind boot-trigger).
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class BootLeftoversTest {

    private final EventCodec codec = new EventCodec();
    private StationCalls gateway;
    private TopicProbe outbound;

    @Inject
    PresenceView presence;

    @BeforeEach
    void open() {
        gateway = new StationCalls();
        outbound = new TopicProbe(Topics.unprefixed().outbound());
    }

    @AfterEach
    void close() {
        outbound.close();
        gateway.close();
    }

    private static Map<String, Object> settings(String id) {
        Map<String, Object> body = new HashMap<>(Map.of("securityProfile", 1, "enabled", true,
                "allowedOcppVersions", List.of("2.0.1")));
        if (id != null) {
            body.put("id", id);
        }
        return body;
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private BootNotificationAnswer answerTo(String callEventId) {
        var record = outbound.await(r -> {
            var correlation = r.headers().lastHeader(CloudEventHeaders.PREFIX + CloudEventHeaders.CORRELATION_ID);
            return correlation != null && callEventId.equals(new String(correlation.value(), StandardCharsets.UTF_8));
        });
        return (BootNotificationAnswer) codec.fromRecord(record, EventTypes.CALL_ANSWER).data().answer();
    }

    @Test
    void aProvisioningStationIsPendingUntilTheOperatorClearsTheFlag() throws Exception {
        String id = newId("PV");
        Map<String, Object> body = settings(id);
        body.put("provisioning", true);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/stations").then().statusCode(201).body("provisioning", equalTo(true));
        BootNotificationAnswer pending = answerTo(gateway.boot(id));
        assertThat(pending.status()).isEqualTo(RegistrationStatus.Pending);
        assertThat(pending.interval()).isEqualTo(60);

        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(settings(null))
                .when().put("/api/v1/stations/" + id).then().statusCode(200).body("provisioning", equalTo(false))
                .body("registrationStatus", equalTo("Accepted"));
        assertThat(answerTo(gateway.boot(id)).status()).isEqualTo(RegistrationStatus.Accepted);
    }

    @Test
    void anUnexpectedVendorOrModelIsAcceptedButAlerted() throws Exception {
        String id = newId("VM");
        Map<String, Object> body = settings(id);
        body.put("expectedVendor", "Other Corp");
        body.put("expectedModel", "wallbox 22"); // matches ACME's "Wallbox 22" case-insensitively
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/stations").then().statusCode(201);
        try (AlertProbe alerts = new AlertProbe()) {
            assertThat(answerTo(gateway.boot(id)).status()).isEqualTo(RegistrationStatus.Accepted);
            AlertRaised raised = alerts.awaitRaised(id, AlertType.VendorModelMismatch);
            assertThat(raised.subject()).isEqualTo("station");
            assertThat(raised.message()).contains("Other Corp").contains("ACME").doesNotContain("model");

            answerTo(gateway.boot(id)); // still wrong: no second alert
            assertThat(alerts.allRaised(id, AlertType.VendorModelMismatch)).hasSize(1);

            body.remove("id");
            body.put("expectedVendor", "acme");
            given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                    .when().put("/api/v1/stations/" + id).then().statusCode(200);
            assertThat(answerTo(gateway.boot(id)).status()).isEqualTo(RegistrationStatus.Accepted);
            AlertCleared cleared = alerts.awaitCleared(id, AlertType.VendorModelMismatch);
            assertThat(cleared.alertId()).isEqualTo(raised.alertId());
        }
    }

    @Test
    void acceptingAConnectedPendingStationTriggersABootThroughTheLedger() throws Exception {
        String id = newId("AC");
        assertThat(answerTo(gateway.boot(id)).status()).isEqualTo(RegistrationStatus.Pending); // auto-registered
        gateway.present(id, OcppVersion.V2_0_1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> presence.isConnected(id));

        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/stations/" + id + "/accept")
                .then().statusCode(200).body("registrationStatus", equalTo("Accepted"));
        String commandId = given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/commands")
                .then().statusCode(200).body("", hasSize(1)).body("[0].kind", equalTo("boot-trigger"))
                .body("[0].requestedBy", equalTo("alice")).extract().path("[0].commandId");

        StationCommands commands = new StationCommands(outbound, gateway);
        StationCommands.Sent sent = commands.await(id, commandId, OcppVersion.V2_0_1);
        assertThat(sent.command().command()).isEqualTo(
                new StationCommand.TriggerMessage(MessageTrigger.BootNotification, null, null, null));
        commands.answer(sent, OcppVersion.V2_0_1, "{\"status\": \"Accepted\"}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .when().get("/api/v1/commands/" + commandId).then().statusCode(200)
                .body("status", equalTo("Answered")).body("kind", equalTo("boot-trigger")));
        assertThat(answerTo(gateway.boot(id)).status()).isEqualTo(RegistrationStatus.Accepted);
    }

    @Test
    void acceptingAStationThatIsNotConnectedSendsNothing() throws Exception {
        String id = newId("AN");
        assertThat(answerTo(gateway.boot(id)).status()).isEqualTo(RegistrationStatus.Pending);
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/stations/" + id + "/accept")
                .then().statusCode(200).body("registrationStatus", equalTo("Accepted"));
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/commands")
                .then().statusCode(200).body("", hasSize(0));
    }
}
