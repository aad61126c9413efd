package dev.csms.device.configuration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csms.device.testing.StationCalls;
import dev.csms.device.testing.StationCommands;
import dev.csms.device.testing.Stations;
import dev.csms.device.testing.Tokens;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.StationEvent.RawStationMessage;
import dev.csms.runtime.presence.PresenceView;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The configuration API end to end on the local stack: REST -> ledger -> Command on ocpp.outbound (checked as the
 * CALL it becomes for the station's version); the test plays the gateway (presence, the station's answers as
 * CommandResults, NotifyReport calls) and reads the per-station results and the stored configuration.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class ConfigurationTest {

    private final EventCodec codec = new EventCodec();
    private final ObjectMapper json = new ObjectMapper();
    private StationCalls gateway;
    private TopicProbe outbound;
    private StationCommands commands;

    @Inject
    PresenceView presence;

    @BeforeEach
    void open() {
        gateway = new StationCalls();
        outbound = new TopicProbe(Topics.unprefixed().outbound());
        commands = new StationCommands(outbound, gateway);
    }

    @AfterEach
    void close() {
        outbound.close();
        gateway.close();
    }

    private String connected(OcppVersion version) throws Exception {
        String id = Stations.register("CFG-");
        gateway.present(id, version);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> presence.isConnected(id));
        return id;
    }

    private static ValidatableResponse request(Object body) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/configuration/requests").then();
    }

    private static Map<String, Object> body(List<String> stations, String setting, String value) {
        Map<String, Object> body = new HashMap<>();
        body.put("stations", stations);
        body.put("setting", setting);
        if (value != null) {
            body.put("value", value);
        }
        return body;
    }

    /** The command id the request sent to the station. */
    private static String commandOf(ValidatableResponse response, String stationId) {
        return response.extract().jsonPath()
                .getString("stations.find { it.stationId == '" + stationId + "' }.commandId");
    }

    private static ValidatableResponse awaitComplete(String requestId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .when().get("/api/v1/configuration/requests/" + requestId)
                .then().statusCode(200).body("complete", equalTo(true)));
        return given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/configuration/requests/" + requestId)
                .then().statusCode(200);
    }

    private static ValidatableResponse configurationOf(String stationId) {
        return given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + stationId + "/configuration")
                .then().statusCode(200);
    }

    private static String station(String stationId) {
        return "stations.find { it.stationId == '" + stationId + "' }";
    }

    @Test
    void aSettingIsSetOnAOneSixAndATwoZeroOneStationWithPerStationResults() throws Exception {
        String v16 = connected(OcppVersion.V1_6);
        String v201 = connected(OcppVersion.V2_0_1);
        String offline = Stations.register("CFG-");

        ValidatableResponse created = request(body(List.of(v16, v201, offline, v16), "heartbeat-interval", " 120"))
                .statusCode(202).header("Location", containsString("/api/v1/configuration/requests/"))
                .body("operation", equalTo("Set")).body("value", equalTo("120")).body("requestedBy", equalTo("alice"))
                .body("stations", hasSize(3)).body("complete", equalTo(false))
                .body(station(offline) + ".status", equalTo("Offline"))
                .body(station(v16) + ".status", equalTo("Pending"))
                .body(station(v16) + ".target", equalTo("HeartbeatInterval"))
                .body(station(v201) + ".target", equalTo("OCPPCommCtrlr.HeartbeatInterval"));
        String requestId = created.extract().path("requestId");

        StationCommands.Sent toV16 = commands.await(v16, commandOf(created, v16), OcppVersion.V1_6);
        assertThat(toV16.request().action()).isEqualTo("ChangeConfiguration");
        assertThat(toV16.request().payload().path("key").asText()).isEqualTo("HeartbeatInterval");
        assertThat(toV16.request().payload().path("value").asText()).isEqualTo("120");
        commands.answer(toV16, OcppVersion.V1_6, "{\"status\":\"RebootRequired\"}");

        StationCommands.Sent toV201 = commands.await(v201, commandOf(created, v201), OcppVersion.V2_0_1);
        assertThat(toV201.request().action()).isEqualTo("SetVariables");
        JsonNode data = toV201.request().payload().path("setVariableData").path(0);
        assertThat(data.path("component").path("name").asText()).isEqualTo("OCPPCommCtrlr");
        assertThat(data.path("variable").path("name").asText()).isEqualTo("HeartbeatInterval");
        assertThat(data.path("attributeValue").asText()).isEqualTo("120");
        commands.answer(toV201, OcppVersion.V2_0_1, "{\"setVariableResult\":[{\"attributeStatus\":\"Accepted\","
                + "\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}}]}");

        awaitComplete(requestId)
                .body(station(v16) + ".status", equalTo("RebootRequired"))
                .body(station(v16) + ".ocppVersion", equalTo("1.6"))
                .body(station(v201) + ".status", equalTo("Accepted"))
                .body(station(v201) + ".value", equalTo("120"))
                .body(station(v201) + ".completedAt", notNullValue())
                .body(station(offline) + ".status", equalTo("Offline"))
                .body(station(offline) + ".commandId", nullValue())
                .body("counts.Accepted", equalTo(1)).body("counts.RebootRequired", equalTo(1))
                .body("counts.Offline", equalTo(1));

        configurationOf(v16).body("keys", hasSize(1)).body("keys[0].key", equalTo("HeartbeatInterval"))
                .body("keys[0].value", equalTo("120"));
        configurationOf(v201).body("variables", hasSize(1))
                .body("variables[0].key", equalTo("OCPPCommCtrlr.HeartbeatInterval"))
                .body("variables[0].attributeType", equalTo("Actual")).body("variables[0].value", equalTo("120"));
    }

    @Test
    void refusalsAreReportedPerStation() throws Exception {
        String v16 = connected(OcppVersion.V1_6);
        String v201 = connected(OcppVersion.V2_0_1);

        ValidatableResponse created = request(body(List.of(v16, v201), "connection-timeout", "90")).statusCode(202);
        StationCommands.Sent toV16 = commands.await(v16, commandOf(created, v16), OcppVersion.V1_6);
        assertThat(toV16.request().payload().path("key").asText()).isEqualTo("ConnectionTimeOut");
        commands.answer(toV16, OcppVersion.V1_6, "{\"status\":\"Rejected\"}");
        StationCommands.Sent toV201 = commands.await(v201, commandOf(created, v201), OcppVersion.V2_0_1);
        JsonNode data = toV201.request().payload().path("setVariableData").path(0);
        assertThat(data.path("component").path("name").asText()).isEqualTo("TxCtrlr");
        assertThat(data.path("variable").path("name").asText()).isEqualTo("EVConnectionTimeOut");
        commands.answer(toV201, OcppVersion.V2_0_1, "{\"setVariableResult\":[{\"attributeStatus\":\"Rejected\","
                + "\"attributeStatusInfo\":{\"reasonCode\":\"OutOfRange\"},"
                + "\"component\":{\"name\":\"TxCtrlr\"},\"variable\":{\"name\":\"EVConnectionTimeOut\"}}]}");
        awaitComplete(created.extract().path("requestId"))
                .body(station(v16) + ".status", equalTo("Rejected")).body(station(v16) + ".value", nullValue())
                .body(station(v201) + ".status", equalTo("Rejected"))
                .body(station(v201) + ".detail", equalTo("OutOfRange"));
        configurationOf(v16).body("keys", hasSize(0));

        // raw keys: a 2.x component.instance.variable the station does not have; a 1.6 station cannot take it
        ValidatableResponse raw = request(body(List.of(v201), "VendorCtrlr.Main.Mode", "eco")).statusCode(202)
                .body("stations[0].target", equalTo("VendorCtrlr.Main.Mode"));
        StationCommands.Sent rawSent = commands.await(v201, commandOf(raw, v201), OcppVersion.V2_0_1);
        JsonNode component = rawSent.request().payload().path("setVariableData").path(0).path("component");
        assertThat(component.path("name").asText()).isEqualTo("VendorCtrlr");
        assertThat(component.path("instance").asText()).isEqualTo("Main");
        commands.answer(rawSent, OcppVersion.V2_0_1, "{\"setVariableResult\":[{\"attributeStatus\":"
                + "\"UnknownComponent\",\"component\":{\"name\":\"VendorCtrlr\",\"instance\":\"Main\"},"
                + "\"variable\":{\"name\":\"Mode\"}}]}");
        awaitComplete(raw.extract().path("requestId")).body("stations[0].status", equalTo("UnknownComponent"));

        ValidatableResponse unknownKey = request(body(List.of(v16), "VendorFancyKey", "1")).statusCode(202);
        StationCommands.Sent keySent = commands.await(v16, commandOf(unknownKey, v16), OcppVersion.V1_6);
        assertThat(keySent.request().payload().path("key").asText()).isEqualTo("VendorFancyKey");
        commands.answer(keySent, OcppVersion.V1_6, "{\"status\":\"NotSupported\"}");
        awaitComplete(unknownKey.extract().path("requestId")).body("stations[0].status", equalTo("NotSupported"));

        request(body(List.of(v16, v201), "Plainkey", "1")).statusCode(202)
                .body(station(v201) + ".status", equalTo("NotSupported"))
                .body(station(v201) + ".commandId", nullValue())
                .body(station(v16) + ".status", equalTo("Pending"));
    }

    @Test
    void aSettingIsReadFromTheStations() throws Exception {
        String v16 = connected(OcppVersion.V1_6);
        String v201 = connected(OcppVersion.V2_0_1);

        ValidatableResponse created = request(body(List.of(v16, v201), "meter-value-sample-interval", null))
                .statusCode(202).body("operation", equalTo("Read")).body("value", nullValue());
        StationCommands.Sent toV16 = commands.await(v16, commandOf(created, v16), OcppVersion.V1_6);
        assertThat(toV16.request().action()).isEqualTo("GetConfiguration");
        assertThat(toV16.request().payload().path("key").path(0).asText()).isEqualTo("MeterValueSampleInterval");
        commands.answer(toV16, OcppVersion.V1_6, "{\"configurationKey\":[{\"key\":\"MeterValueSampleInterval\","
                + "\"readonly\":false,\"value\":\"60\"}]}");
        StationCommands.Sent toV201 = commands.await(v201, commandOf(created, v201), OcppVersion.V2_0_1);
        assertThat(toV201.request().action()).isEqualTo("GetVariables");
        JsonNode data = toV201.request().payload().path("getVariableData").path(0);
        assertThat(data.path("component").path("name").asText()).isEqualTo("SampledDataCtrlr");
        assertThat(data.path("variable").path("name").asText()).isEqualTo("TxUpdatedInterval");
        commands.answer(toV201, OcppVersion.V2_0_1, "{\"getVariableResult\":[{\"attributeStatus\":\"Accepted\","
                + "\"attributeValue\":\"30\",\"component\":{\"name\":\"SampledDataCtrlr\"},"
                + "\"variable\":{\"name\":\"TxUpdatedInterval\"}}]}");

        awaitComplete(created.extract().path("requestId"))
                .body(station(v16) + ".status", equalTo("Accepted")).body(station(v16) + ".value", equalTo("60"))
                .body(station(v201) + ".status", equalTo("Accepted")).body(station(v201) + ".value", equalTo("30"));
        configurationOf(v16).body("keys[0].key", equalTo("MeterValueSampleInterval"))
                .body("keys[0].value", equalTo("60"));
        configurationOf(v201).body("variables[0].key", equalTo("SampledDataCtrlr.TxUpdatedInterval"))
                .body("variables[0].value", equalTo("30"));

        // a 1.6 key the station does not know, and no answer at all
        ValidatableResponse unknown = request(body(List.of(v16), "VendorKey", null)).statusCode(202);
        StationCommands.Sent sent = commands.await(v16, commandOf(unknown, v16), OcppVersion.V1_6);
        commands.answer(sent, OcppVersion.V1_6, "{\"configurationKey\":[],\"unknownKey\":[\"VendorKey\"]}");
        awaitComplete(unknown.extract().path("requestId")).body("stations[0].status", equalTo("NotSupported"));
    }

    @Test
    void aOneSixReportReplacesTheStoredKeys() throws Exception {
        String v16 = connected(OcppVersion.V1_6);
        String commandId = given().auth().oauth2(Tokens.operator())
                .when().post("/api/v1/stations/" + v16 + "/configuration/report")
                .then().statusCode(202).header("Location", containsString("/api/v1/commands/"))
                .body("kind", equalTo("configuration-report")).extract().path("commandId");
        StationCommands.Sent sent = commands.await(v16, commandId, OcppVersion.V1_6);
        assertThat(sent.request().action()).isEqualTo("GetConfiguration");
        assertThat(sent.request().payload().has("key")).isFalse();
        commands.answer(sent, OcppVersion.V1_6, "{\"configurationKey\":["
                + "{\"key\":\"HeartbeatInterval\",\"readonly\":false,\"value\":\"300\"},"
                + "{\"key\":\"NumberOfConnectors\",\"readonly\":true,\"value\":\"2\"}]}");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> configurationOf(v16)
                .body("keys", hasSize(2))
                .body("keys[0].key", equalTo("HeartbeatInterval")).body("keys[0].value", equalTo("300"))
                .body("keys[0].readonly", equalTo(false))
                .body("keys[1].key", equalTo("NumberOfConnectors")).body("keys[1].readonly", equalTo(true)));
    }

    @Test
    void aTwoZeroOneDeviceModelReportInTwoPartsIsStoredAndShown() throws Exception {
        String v201 = connected(OcppVersion.V2_0_1);
        String commandId = given().auth().oauth2(Tokens.operator())
                .when().post("/api/v1/stations/" + v201 + "/configuration/report")
                .then().statusCode(202).extract().path("commandId");
        StationCommands.Sent sent = commands.await(v201, commandId, OcppVersion.V2_0_1);
        assertThat(sent.request().action()).isEqualTo("GetBaseReport");
        assertThat(sent.request().payload().path("reportBase").asText()).isEqualTo("FullInventory");
        int requestId = sent.request().payload().path("requestId").asInt();
        commands.answer(sent, OcppVersion.V2_0_1, "{\"status\":\"Accepted\"}");

        String first = notifyReport(v201, requestId, 0, true, """
                [{"component":{"name":"OCPPCommCtrlr"},"variable":{"name":"HeartbeatInterval"},
                  "variableAttribute":[{"type":"Actual","value":"300","mutability":"ReadWrite","persistent":true}],
                  "variableCharacteristics":{"dataType":"integer","unit":"s","minLimit":0,"supportsMonitoring":false}},
                 {"component":{"name":"EVSE","evse":{"id":1}},"variable":{"name":"Power"},
                  "variableAttribute":[{"type":"Actual","value":"22000","mutability":"ReadOnly"},
                                       {"type":"MaxSet","value":"22000"}],
                  "variableCharacteristics":{"dataType":"decimal","unit":"W","maxLimit":22000,
                                             "supportsMonitoring":true}}]""");
        assertThat(answerTo(first)).isInstanceOf(CsmsAnswer.EmptyAnswer.class);
        String second = notifyReport(v201, requestId, 1, false, """
                [{"component":{"name":"Connector","evse":{"id":1,"connectorId":1}},
                  "variable":{"name":"ConnectorType"},
                  "variableAttribute":[{"value":"cType2","mutability":"ReadOnly","constant":true}],
                  "variableCharacteristics":{"dataType":"OptionList","valuesList":"cType2,sType3",
                                             "supportsMonitoring":false}}]""");
        assertThat(answerTo(second)).isInstanceOf(CsmsAnswer.EmptyAnswer.class);
        // the station sends its last part again (e.g. it missed our answer): stored once, answered again
        String again = notifyReport(v201, requestId, 1, false, "[]");
        assertThat(answerTo(again)).isInstanceOf(CsmsAnswer.EmptyAnswer.class);

        configurationOf(v201)
                .body("reports", hasSize(1))
                .body("reports[0].requestId", equalTo(requestId)).body("reports[0].parts", equalTo(2))
                .body("reports[0].complete", equalTo(true))
                .body("reports[0].generatedAt", notNullValue())
                .body("variables", hasSize(4))
                .body("variables[0].key", equalTo("Connector.ConnectorType"))
                .body("variables[0].evseId", equalTo(1)).body("variables[0].connectorId", equalTo(1))
                .body("variables[0].constant", equalTo(true)).body("variables[0].dataType", equalTo("OptionList"))
                .body("variables[0].valuesList", equalTo("cType2,sType3"))
                .body("variables[1].key", equalTo("EVSE.Power")).body("variables[1].attributeType", equalTo("Actual"))
                .body("variables[1].mutability", equalTo("ReadOnly")).body("variables[1].unit", equalTo("W"))
                .body("variables[2].key", equalTo("EVSE.Power")).body("variables[2].attributeType", equalTo("MaxSet"))
                .body("variables[2].maxLimit", equalTo(22000))
                .body("variables[3].key", equalTo("OCPPCommCtrlr.HeartbeatInterval"))
                .body("variables[3].value", equalTo("300")).body("variables[3].persistent", equalTo(true));

        // a later value replaces the reported one
        ValidatableResponse set = request(body(List.of(v201), "heartbeat-interval", "60")).statusCode(202);
        StationCommands.Sent setSent = commands.await(v201, commandOf(set, v201), OcppVersion.V2_0_1);
        commands.answer(setSent, OcppVersion.V2_0_1, "{\"setVariableResult\":[{\"attributeStatus\":\"Accepted\","
                + "\"component\":{\"name\":\"OCPPCommCtrlr\"},\"variable\":{\"name\":\"HeartbeatInterval\"}}]}");
        awaitComplete(set.extract().path("requestId"));
        configurationOf(v201).body("variables", hasSize(4)).body("variables[3].value", equalTo("60"))
                .body("variables[3].unit", equalTo("s"));
    }

    @Test
    void errors() throws Exception {
        String offline = Stations.register("CFG-");
        Map<String, Object> valid = body(List.of(offline), "heartbeat-interval", "60");

        request(body(List.of(offline), "heartbeat-intervall", "60")).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("Unknown setting"));
        request(body(List.of(offline), "heartbeat-interval", "soon")).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("whole number"));
        request(body(List.of(offline), "local-pre-authorize", "maybe")).statusCode(400)
                .contentType("application/problem+json");
        request(body(List.of(offline), "bad key!", "1")).statusCode(400).contentType("application/problem+json");
        request(body(List.of(), "heartbeat-interval", "60")).statusCode(400).contentType("application/problem+json");
        request(Map.of("stations", List.of(offline))).statusCode(400).contentType("application/problem+json");
        String unknown = "NOPE-" + UUID.randomUUID().toString().substring(0, 8);
        request(body(List.of(offline, unknown), "heartbeat-interval", "60")).statusCode(404)
                .contentType("application/problem+json").body("detail", containsString(unknown));
        given().contentType(ContentType.JSON).body(valid).when().post("/api/v1/configuration/requests")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(valid)
                .when().post("/api/v1/configuration/requests").then().statusCode(403)
                .contentType("application/problem+json");

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/configuration/requests/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/configuration/requests/" + UUID.randomUUID()).then().statusCode(401);

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + unknown + "/configuration")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/stations/" + offline + "/configuration").then().statusCode(401);
        configurationOf(offline).body("keys", hasSize(0)).body("variables", hasSize(0)).body("reports", hasSize(0));

        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/stations/" + offline + "/configuration/report")
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(Tokens.operator()).when().post("/api/v1/stations/" + unknown + "/configuration/report")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).when().post("/api/v1/stations/" + offline + "/configuration/report")
                .then().statusCode(403);

        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/configuration/settings").then().statusCode(200)
                .body("find { it.name == 'heartbeat-interval' }.ocpp16Key", equalTo("HeartbeatInterval"))
                .body("find { it.name == 'heartbeat-interval' }.ocpp2Variable",
                        equalTo("OCPPCommCtrlr.HeartbeatInterval"));
        given().when().get("/api/v1/configuration/settings").then().statusCode(401);
    }

    private String notifyReport(String stationId, int requestId, int seqNo, boolean tbc, String reportData)
            throws Exception {
        var payload = json.createObjectNode().put("requestId", requestId)
                .put("generatedAt", "2030-01-01T00:00:0" + seqNo + "Z").put("seqNo", seqNo).put("tbc", tbc);
        JsonNode data = json.readTree(reportData);
        if (!data.isEmpty()) {
            payload.set("reportData", data);
        }
        return gateway.call(stationId, OcppVersion.V2_0_1, "NotifyReport",
                new RawStationMessage("NotifyReport", payload, false));
    }

    private CsmsAnswer answerTo(String callEventId) {
        ConsumerRecord<String, byte[]> record = outbound.await(r -> {
            var correlation = r.headers().lastHeader(CloudEventHeaders.PREFIX + CloudEventHeaders.CORRELATION_ID);
            return correlation != null && callEventId.equals(new String(correlation.value(), StandardCharsets.UTF_8));
        });
        return codec.fromRecord(record, EventTypes.CALL_ANSWER).data().answer();
    }
}
