package dev.csms.gateway;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.events.EventTypes;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.CallError;
import dev.csms.events.ocpp.StationCall;
import dev.csms.gateway.support.GatewayTestResource;
import dev.csms.gateway.support.KafkaTestClient;
import dev.csms.gateway.support.StationClient;
import dev.csms.gateway.support.StationClient.Options;
import dev.csms.gateway.support.TestStations;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.ConnectorStatus;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.RegistrationStatus;
import dev.csms.ocpp.canonical.StationEvent;
import dev.csms.ocpp.schema.MessageKind;
import dev.csms.ocpp.schema.SchemaSamples;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static dev.csms.gateway.support.KafkaTestClient.TOPICS;
import static dev.csms.gateway.support.TestStations.call;
import static dev.csms.gateway.support.TestStations.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Station calls through to Kafka and back: answers after the acknowledgement, decisions, fallbacks, bad input. */
@QuarkusTest
@WithTestResource(value = GatewayTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class InboundPipelineTest {

    private static final String PASSWORD = "inbound-pipeline-secret";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final SchemaSamples SAMPLES = new SchemaSamples();
    private static KafkaTestClient kafka;

    @Inject
    Gateway gateway;

    @BeforeAll
    static void kafka() {
        kafka = new KafkaTestClient();
    }

    @AfterAll
    static void closeKafka() {
        kafka.close();
    }

    private StationClient station(String prefix, String subprotocol) {
        String id = TestStations.newId(prefix);
        kafka.credentials(id, PASSWORD, 1, true, EnumSet.allOf(OcppVersion.class));
        TestStations.awaitCredentials(gateway, id);
        return StationClient.connect(TestStations.plain(id), Options.basic(id, PASSWORD, subprotocol));
    }

    private static String sample(OcppVersion version, String action) {
        return SAMPLES.minimal(version, action, MessageKind.REQUEST).toString();
    }

    @Test
    void heartbeatIsAnsweredWithTheCurrentTimeOnceItsEventIsStored() {
        String id = TestStations.newId("heartbeat");
        kafka.credentials(id, PASSWORD, 1, true, EnumSet.allOf(OcppVersion.class));
        TestStations.awaitCredentials(gateway, id);
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                StationClient station = StationClient.connect(TestStations.plain(id),
                        Options.basic(id, PASSWORD, "ocpp2.0.1"))) {
            Instant before = Instant.now().minusSeconds(1);
            ArrayNode answer = frame(station.call(call("hb-7", "Heartbeat", "{}")));
            assertThat(answer.get(0).asInt()).isEqualTo(3);
            assertThat(answer.get(1).asText()).isEqualTo("hb-7");
            assertThat(Instant.parse(answer.get(2).get("currentTime").asText())).isAfter(before);

            // acknowledged with acks=all before the answer: the record is readable now
            await().atMost(Duration.ofSeconds(5)).until(() -> inbound.events(EventTypes.STATION_CALL, id).size() == 1);
            EventEnvelope<StationCall> event = inbound.events(EventTypes.STATION_CALL, id).get(0);
            assertThat(event.data().action()).isEqualTo("Heartbeat");
            assertThat(event.data().messageId()).isEqualTo("hb-7");
            assertThat(event.data().event()).isInstanceOf(StationEvent.Heartbeat.class);
            assertThat(event.data().answerDeadline()).isNull();
            assertThat(event.data().gatewayId()).isEqualTo("gw-test-a");
            assertThat(event.extension("ocppversion")).contains("2.0.1");
            assertThat(event.extension("ocppaction")).contains("Heartbeat");
            assertThat(event.subject()).isEqualTo(id);
        }
    }

    @Test
    void aStatusNotificationBecomesACanonicalEvent() {
        String id = TestStations.newId("status");
        kafka.credentials(id, PASSWORD, 1, true, EnumSet.allOf(OcppVersion.class));
        TestStations.awaitCredentials(gateway, id);
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                StationClient station = StationClient.connect(TestStations.plain(id),
                        Options.basic(id, PASSWORD, "ocpp1.6"))) {
            ArrayNode answer = frame(station.call(call("st-1", "StatusNotification",
                    "{\"connectorId\":2,\"errorCode\":\"NoError\",\"status\":\"Charging\"}")));
            assertThat(answer.get(0).asInt()).isEqualTo(3);
            assertThat(answer.get(2).size()).isZero();
            await().atMost(WAIT).until(() -> inbound.events(EventTypes.STATION_CALL, id).size() == 1);
            StationEvent.StatusNotification status = (StationEvent.StatusNotification) inbound
                    .events(EventTypes.STATION_CALL, id).get(0).data().event();
            assertThat(status.status()).isEqualTo(ConnectorStatus.Occupied);
            assertThat(status.originalStatus()).isEqualTo("Charging");
            assertThat(status.evseId()).isEqualTo(2);
        }
    }

    @Test
    void everyKindOfBadInputGetsTheVersionsCallError() throws Exception {
        try (StationClient v16 = station("bad16", "ocpp1.6"); StationClient v201 = station("bad201", "ocpp2.0.1")) {
            assertError(v16.call("hello"), "-1", "FormationViolation");
            assertError(v201.call("hello"), "-1", "RpcFrameworkError");
            assertError(v16.call("[2,\"a1\",\"Heartbeat\"]"), "a1", "ProtocolError");
            assertError(v201.call("[7,\"a2\",\"Heartbeat\",{}]"), "a2", "MessageTypeNotSupported");
            assertError(v16.call(call("a3", "FlyToTheMoon", "{}")), "a3", "NotImplemented");
            assertError(v201.call(call("a4", "FlyToTheMoon", "{}")), "a4", "NotImplemented");
            assertError(v16.call(call("a5", "Reset", "{\"type\":\"Hard\"}")), "a5", "NotSupported");
            assertError(v16.call(call("a6", "BootNotification", "{\"chargePointVendor\":\"V\"}")), "a6",
                    "OccurenceConstraintViolation");
            assertError(v201.call(call("a7", "BootNotification", "{\"reason\":\"PowerUp\"}")), "a7",
                    "OccurrenceConstraintViolation");
            assertError(v16.call(call("a8", "Heartbeat", "{\"extra\":1}")), "a8", "FormationViolation");
            assertError(v201.call(call("a9", "Heartbeat", "{\"extra\":1}")), "a9", "FormatViolation");
            assertError(v201.call(call("a10", "StatusNotification", "{\"timestamp\":\"2025-01-02T03:04:05Z\","
                    + "\"connectorStatus\":\"Available\",\"evseId\":\"one\",\"connectorId\":1}")), "a10",
                    "TypeConstraintViolation");
            assertError(v201.call(call("a11", "StatusNotification", "{\"timestamp\":\"2025-01-02T03:04:05Z\","
                    + "\"connectorStatus\":\"Sleeping\",\"evseId\":1,\"connectorId\":1}")), "a11",
                    "PropertyConstraintViolation");
            v201.socket().sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get();
            assertError(v201.next(), "-1", "RpcFrameworkError");
            // the connections survive all of it
            assertThat(frame(v16.call(call("ok", "Heartbeat", "{}"))).get(0).asInt()).isEqualTo(3);
        }
    }

    @Test
    void aResultWithAnUnknownIdIsDroppedAndCounted() {
        double before = gateway.metrics().counted("csms.gateway.results.unmatched", "type", "CALLRESULT");
        try (StationClient station = station("unmatched", "ocpp2.0.1")) {
            station.send("[3,\"nobody-asked\",{\"status\":\"Accepted\"}]");
            station.send("[4,\"nobody-asked-either\",\"InternalError\",\"\",{}]");
            // nothing comes back for either: the next message is the heartbeat's answer
            assertThat(frame(station.call(call("hb", "Heartbeat", "{}"))).get(1).asText()).isEqualTo("hb");
        }
        assertThat(gateway.metrics().counted("csms.gateway.results.unmatched", "type", "CALLRESULT"))
                .isEqualTo(before + 1);
        assertThat(gateway.metrics().counted("csms.gateway.results.unmatched", "type", "CALLERROR")).isPositive();
    }

    @Test
    void aDecisionFromTheOwningServiceIsMappedToTheStationsVersion() {
        String id = TestStations.newId("decided");
        kafka.credentials(id, PASSWORD, 1, true, EnumSet.allOf(OcppVersion.class));
        TestStations.awaitCredentials(gateway, id);
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                StationClient station = StationClient.connect(TestStations.plain(id),
                        Options.basic(id, PASSWORD, "ocpp1.6"))) {
            station.send(call("boot-1", "BootNotification", sample(OcppVersion.V1_6, "BootNotification")));
            await().atMost(WAIT).until(() -> inbound.events(EventTypes.STATION_CALL, id).size() == 1);
            EventEnvelope<StationCall> boot = inbound.events(EventTypes.STATION_CALL, id).get(0);
            assertThat(boot.data().answerDeadline()).isNotNull();
            assertThat(boot.data().event()).isInstanceOf(StationEvent.BootNotification.class);

            kafka.publish(EventEnvelope.create(EventTypes.CALL_ANSWER, "/csms/device-service", id,
                    CallAnswer.of(boot.data(), boot.id(), new CsmsAnswer.BootNotificationAnswer(
                            RegistrationStatus.Accepted, 300, null, null)), java.time.Clock.systemUTC())
                    .withExtension("correlationid", boot.id()));
            ArrayNode answer = frame(station.next());
            assertThat(answer.get(0).asInt()).isEqualTo(3);
            assertThat(answer.get(1).asText()).isEqualTo("boot-1");
            assertThat(answer.get(2).get("status").asText()).isEqualTo("Accepted");
            assertThat(answer.get(2).get("interval").asInt()).isEqualTo(300);

            // a service may answer with a CALLERROR instead
            station.send(call("auth-1", "Authorize", "{\"idTag\":\"TAG-1\"}"));
            await().atMost(WAIT).until(() -> inbound.events(EventTypes.STATION_CALL, id).size() == 2);
            EventEnvelope<StationCall> authorize = inbound.events(EventTypes.STATION_CALL, id).get(1);
            kafka.publish(EventTypes.CALL_ANSWER, id, CallAnswer.error(authorize.data(), authorize.id(),
                    new CallError("OccurrenceConstraintViolation", "tag list full", null)));
            assertError(station.next(), "auth-1", "OccurenceConstraintViolation");
        }
    }

    @Test
    void withoutADecisionInTimeTheFallbackAnswers() {
        try (StationClient v16 = station("fallback16", "ocpp1.6");
                StationClient v201 = station("fallback201", "ocpp2.0.1")) {
            long started = System.nanoTime();
            ArrayNode boot = frame(v16.call(call("boot-2", "BootNotification",
                    sample(OcppVersion.V1_6, "BootNotification"))));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
            assertThat(boot.get(0).asInt()).isEqualTo(3);
            assertThat(boot.get(2).get("status").asText()).isEqualTo("Pending");
            assertThat(boot.get(2).get("interval").asInt()).isEqualTo(30);

            assertError(v201.call(call("auth-2", "Authorize",
                    "{\"idToken\":{\"idToken\":\"T-9\",\"type\":\"ISO14443\"}}")), "auth-2", "InternalError");

            // a transaction step that already has an id is stored: an empty answer, never an error
            ArrayNode ended = frame(v201.call(call("tx-end", "TransactionEvent", "{\"eventType\":\"Ended\","
                    + "\"timestamp\":\"2025-01-02T03:04:05Z\",\"triggerReason\":\"StopAuthorized\",\"seqNo\":7,"
                    + "\"transactionInfo\":{\"transactionId\":\"tx-42\"},"
                    + "\"idToken\":{\"idToken\":\"T-9\",\"type\":\"ISO14443\"}}")));
            assertThat(ended.get(0).asInt()).isEqualTo(3);
            assertThat(ended.get(2).size()).isZero();
        }
    }

    @Test
    void aStationOverTheRateLimitGetsGenericError() {
        try (StationClient station = station("flood", "ocpp2.0.1")) {
            int frames = 45;
            for (int i = 0; i < frames; i++) {
                station.send(call("f" + i, "Heartbeat", "{}"));
            }
            List<ArrayNode> answers = new ArrayList<>();
            for (int i = 0; i < frames; i++) {
                answers.add(frame(station.next()));
            }
            assertThat(answers).anySatisfy(answer -> {
                assertThat(answer.get(2).asText()).isEqualTo("GenericError");
                assertThat(answer.get(3).asText()).contains("rate limit");
            });
            assertThat(answers).filteredOn(answer -> answer.get(0).asInt() == 3).isNotEmpty();
        }
    }

    @Test
    void aSendOfOcpp21IsPublishedAndNotAnswered() {
        String id = TestStations.newId("send21");
        kafka.credentials(id, PASSWORD, 1, true, EnumSet.allOf(OcppVersion.class));
        TestStations.awaitCredentials(gateway, id);
        ObjectNode payload = SAMPLES.minimal(OcppVersion.V2_1, "NotifyPeriodicEventStream", MessageKind.REQUEST);
        try (KafkaTestClient.Reader inbound = kafka.readFromEnd(TOPICS.inbound());
                StationClient station = StationClient.connect(TestStations.plain(id),
                        Options.basic(id, PASSWORD, "ocpp2.1"))) {
            station.send("[6,\"s-1\",\"NotifyPeriodicEventStream\"," + payload + "]");
            await().atMost(WAIT).until(() -> inbound.events(EventTypes.STATION_CALL, id).size() == 1);
            assertThat(inbound.events(EventTypes.STATION_CALL, id).get(0).data().action())
                    .isEqualTo("NotifyPeriodicEventStream");
            assertThat(frame(station.call(call("hb", "Heartbeat", "{}"))).get(1).asText()).isEqualTo("hb");
        }
    }

    private static void assertError(String text, String messageId, String code) {
        ArrayNode error = frame(text);
        assertThat(error.get(0).asInt()).as(text).isEqualTo(4);
        assertThat(error.get(1).asText()).as(text).isEqualTo(messageId);
        assertThat(error.get(2).asText()).as(text).isEqualTo(code);
    }
}
