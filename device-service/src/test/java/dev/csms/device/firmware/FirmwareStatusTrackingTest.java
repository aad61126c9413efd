package dev.csms.device.firmware;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.csms.device.testing.StationCalls;
import dev.csms.device.testing.Stations;
import dev.csms.device.testing.Tokens;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.localstack.LocalStack;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.FirmwareStatus;
import dev.csms.ocpp.canonical.StationEvent.FirmwareStatusNotification;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** FirmwareStatusNotification end to end: StationCall on ocpp.inbound, answer on ocpp.outbound, history via REST. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class FirmwareStatusTrackingTest {

    private final EventCodec codec = new EventCodec();
    private StationCalls gateway;
    private TopicProbe outbound;

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

    private CsmsAnswer answerTo(String callEventId) {
        ConsumerRecord<String, byte[]> record = outbound.await(r -> {
            var correlation = r.headers().lastHeader(CloudEventHeaders.PREFIX + CloudEventHeaders.CORRELATION_ID);
            return correlation != null && callEventId.equals(new String(correlation.value(), StandardCharsets.UTF_8));
        });
        CallAnswer answer = codec.fromRecord(record, EventTypes.CALL_ANSWER).data();
        return answer.answer();
    }

    @Test
    void aOneSixStationsStatusesAreAnsweredAndKeptNewestFirst() throws Exception {
        String id = Stations.register("FW-");
        String first = gateway.call(id, OcppVersion.V1_6, "FirmwareStatusNotification",
                new FirmwareStatusNotification(FirmwareStatus.Downloading, null, null));
        assertThat(answerTo(first)).isInstanceOf(CsmsAnswer.EmptyAnswer.class);
        String second = gateway.call(id, OcppVersion.V1_6, "FirmwareStatusNotification",
                new FirmwareStatusNotification(FirmwareStatus.Installed, null, null));
        assertThat(answerTo(second)).isInstanceOf(CsmsAnswer.EmptyAnswer.class);

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/firmware")
                .then().statusCode(200)
                .body("stationId", equalTo(id))
                .body("current.status", equalTo("Installed"))
                .body("current.ocppVersion", equalTo("1.6"))
                .body("current.requestId", nullValue())
                .body("history", hasSize(2))
                .body("history[1].status", equalTo("Downloading"));
    }

    @Test
    void aTwoZeroOneStationsStatusCarriesItsRequestId() throws Exception {
        String id = Stations.register("FW-");
        String call = gateway.call(id, OcppVersion.V2_0_1, "FirmwareStatusNotification",
                new FirmwareStatusNotification(FirmwareStatus.InvalidSignature, 42, null));
        assertThat(answerTo(call)).isInstanceOf(CsmsAnswer.EmptyAnswer.class);

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/firmware")
                .then().statusCode(200)
                .body("current.status", equalTo("InvalidSignature"))
                .body("current.requestId", equalTo(42))
                .body("current.ocppVersion", equalTo("2.0.1"))
                .body("history", hasSize(1));
    }

    @Test
    void aStationWithoutReportsHasAnEmptyHistory() {
        String id = Stations.register("FW-");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/firmware")
                .then().statusCode(200).body("current", nullValue()).body("history", hasSize(0));
    }

    @Test
    void anUnknownStationIs404ProblemJson() {
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/NOPE-" + UUID.randomUUID() + "/firmware")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }

    @Test
    void readingNeedsAToken() {
        given().when().get("/api/v1/stations/any/firmware").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void readingNeedsARole() {
        given().auth().oauth2(LocalStack.get().jwt().token("eve", Set.of())).when().get("/api/v1/stations/any/firmware").then().statusCode(403).contentType("application/problem+json");
    }
}
