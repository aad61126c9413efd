package dev.csms.device.handler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.csms.device.testing.StationCalls;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.device.testing.Tokens;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.Command;
import dev.csms.localstack.LocalStackTestResource;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The boot policy end to end: StationCall on ocpp.inbound, CallAnswer on ocpp.outbound (auto-registration on). */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class BootNotificationHandlerTest {

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

    private static String newId() {
        return "CS-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void create(String id, boolean enabled, Integer heartbeatInterval) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("id", id, "securityProfile", 1, "enabled", enabled,
                "allowedOcppVersions", List.of("2.0.1")));
        if (heartbeatInterval != null) {
            body.put("heartbeatInterval", heartbeatInterval);
        }
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/stations").then().statusCode(201);
    }

    private static boolean answers(ConsumerRecord<String, byte[]> record, String callEventId) {
        var correlation = record.headers().lastHeader(CloudEventHeaders.PREFIX + CloudEventHeaders.CORRELATION_ID);
        return correlation != null && callEventId.equals(new String(correlation.value(), StandardCharsets.UTF_8));
    }

    /** Awaits the CallAnswer correlated with the call event and returns its boot answer. */
    private BootNotificationAnswer answerTo(String callEventId) {
        ConsumerRecord<String, byte[]> record = outbound.await(r -> {
            var correlation = r.headers().lastHeader(CloudEventHeaders.PREFIX + CloudEventHeaders.CORRELATION_ID);
            return correlation != null && callEventId.equals(new String(correlation.value(), StandardCharsets.UTF_8));
        });
        CallAnswer answer = codec.fromRecord(record, EventTypes.CALL_ANSWER).data();
        assertThat(answer.callEventId()).isEqualTo(callEventId);
        return (BootNotificationAnswer) answer.answer();
    }

    @Test
    void aKnownEnabledStationIsAcceptedWithItsOwnIntervalAndItsReportIsRecorded() throws Exception {
        String id = newId();
        create(id, true, 45);
        BootNotificationAnswer answer = answerTo(gateway.boot(id));
        assertThat(answer.status()).isEqualTo(RegistrationStatus.Accepted);
        assertThat(answer.interval()).isEqualTo(45);

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id)
                .then().statusCode(200)
                .body("reported.vendor", equalTo("ACME")).body("reported.model", equalTo("Wallbox 22"))
                .body("reported.serialNumber", equalTo("SN-" + id)).body("reported.firmwareVersion", equalTo("1.4.2"))
                .body("reported.iccid", equalTo("8931000000000000001")).body("reported.imsi", equalTo("262010000000001"))
                .body("reported.bootReason", equalTo("PowerUp"));
    }

    @Test
    void aBootPastItsAnswerDeadlineIsSkippedAndTheNextOneIsAnswered() throws Exception {
        String id = newId();
        create(id, true, 45);
        Instant now = Instant.now();
        String late = gateway.boot(id, now.minusSeconds(60), now.minusSeconds(30));
        String fresh = gateway.boot(id);

        // Same key, same partition: the fresh boot is handled after the late one, and its answer relayed after any
        // answer to the late one would have been.
        assertThat(answerTo(fresh).status()).isEqualTo(RegistrationStatus.Accepted);
        assertThat(outbound.poll(r -> answers(r, late))).isEmpty();
    }

    @Test
    void aKnownStationWithoutIntervalGetsTheGlobalOne() throws Exception {
        String id = newId();
        create(id, true, null);
        BootNotificationAnswer answer = answerTo(gateway.boot(id));
        assertThat(answer.status()).isEqualTo(RegistrationStatus.Accepted);
        assertThat(answer.interval()).isEqualTo(300);
    }

    @Test
    void aDisabledStationIsRejected() throws Exception {
        String id = newId();
        create(id, false, null);
        BootNotificationAnswer answer = answerTo(gateway.boot(id));
        assertThat(answer.status()).isEqualTo(RegistrationStatus.Rejected);
        assertThat(answer.interval()).isEqualTo(600);
    }

    @Test
    void anUnknownStationIsPendingUntilAnOperatorAcceptsItThenItIsToldToBootAgain() throws Exception {
        String id = newId();
        BootNotificationAnswer first = answerTo(gateway.boot(id));
        assertThat(first.status()).isEqualTo(RegistrationStatus.Pending);
        assertThat(first.interval()).isEqualTo(60);
        given().auth().oauth2(Tokens.viewer()).queryParam("status", "Pending").queryParam("q", id)
                .when().get("/api/v1/stations")
                .then().statusCode(200).body("items[0].id", equalTo(id)).body("items[0].reported.vendor", equalTo("ACME"));

        // Booting again while pending stays pending.
        assertThat(answerTo(gateway.boot(id)).status()).isEqualTo(RegistrationStatus.Pending);
        // Only a connected station is told to boot again.
        gateway.present(id, OcppVersion.V2_0_1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> presence.isConnected(id));

        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/stations/" + id + "/accept")
                .then().statusCode(200).body("registrationStatus", equalTo("Accepted"));
        ConsumerRecord<String, byte[]> trigger = outbound.await(r -> id.equals(r.key())
                && EventTypes.COMMAND.type().equals(header(r, CloudEventHeaders.TYPE)));
        EventEnvelope<Command> command = codec.fromRecord(trigger, EventTypes.COMMAND);
        assertThat(command.data().command()).isEqualTo(
                new StationCommand.TriggerMessage(MessageTrigger.BootNotification, null, null, null));

        assertThat(answerTo(gateway.boot(id)).status()).isEqualTo(RegistrationStatus.Accepted);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
