package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Configuration keys (1.6), device model variables and reports (2.x), local authorization lists. */
class ConfigurationTest extends SimulatorTestSupport {

    @Test
    void configurationKeysOf16() throws Exception {
        SimulatedStation station = started("CONF-16", OcppVersion.V1_6);
        String id = station.id();
        assertThat(change(id, "HeartbeatInterval", "30")).isEqualTo("Accepted");
        assertThat(change(id, "HeartbeatInterval", "soon")).isEqualTo("Rejected");
        assertThat(change(id, "NumberOfConnectors", "4")).isEqualTo("Rejected");
        assertThat(change(id, "WebSocketPingInterval", "60")).isEqualTo("RebootRequired");
        assertThat(change(id, "NoSuchKey", "1")).isEqualTo("NotSupported");

        ObjectNode get = json();
        get.putArray("key").add("HeartbeatInterval").add("NumberOfConnectors").add("NoSuchKey");
        ObjectNode answer = answered(id, "GetConfiguration", get);
        assertThat(answer.path("configurationKey")).extracting(k -> k.path("key").asText() + "="
                + k.path("value").asText() + (k.path("readonly").asBoolean() ? " (ro)" : ""))
                .containsExactly("HeartbeatInterval=30", "NumberOfConnectors=1 (ro)");
        assertThat(answer.path("unknownKey").path(0).asText()).isEqualTo("NoSuchKey");

        // the new interval is in effect: the next heartbeat comes 30 s after the change
        tick(Duration.ofSeconds(30));
        awaitCalls(id, "Heartbeat", 1);
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(value = OcppVersion.class, names = {"V2_0_1", "V2_1"})
    void deviceModelVariables(OcppVersion version) throws Exception {
        SimulatedStation station = started("VARS-" + version.label(), version);
        String id = station.id();
        ObjectNode set = json();
        ArrayNode data = set.putArray("setVariableData");
        data.add(variable("OCPPCommCtrlr", null, "HeartbeatInterval").put("attributeValue", "45"));
        data.add(variable("ChargingStation", null, "Model").put("attributeValue", "Other"));
        data.add(variable("OCPPCommCtrlr", null, "NetworkConfigurationPriority").put("attributeValue", "1"));
        data.add(variable("NoSuchCtrlr", null, "Enabled").put("attributeValue", "true"));
        data.add(variable("OCPPCommCtrlr", null, "NoSuchVariable").put("attributeValue", "1"));
        JsonNode results = answered(id, "SetVariables", set).path("setVariableResult");
        assertThat(results).extracting(r -> r.path("attributeStatus").asText())
                .containsExactly("Accepted", "Rejected", "RebootRequired", "UnknownComponent", "UnknownVariable");

        ObjectNode get = json();
        ArrayNode wanted = get.putArray("getVariableData");
        wanted.add(variable("OCPPCommCtrlr", null, "HeartbeatInterval"));
        wanted.add(variable("EVSE", 1, "AvailabilityState"));
        wanted.add(variable("EVSE", 7, "AvailabilityState"));
        wanted.add(variable("SecurityCtrlr", null, "BasicAuthPassword"));
        wanted.add(variable("OCPPCommCtrlr", null, "HeartbeatInterval").put("attributeType", "Target"));
        JsonNode got = answered(id, "GetVariables", get).path("getVariableResult");
        assertThat(got).extracting(r -> r.path("attributeStatus").asText() + ":" + r.path("attributeValue").asText())
                .containsExactly("Accepted:45", "Accepted:Available", "UnknownComponent:", "Rejected:",
                        "NotSupportedAttributeType:");
        tick(Duration.ofSeconds(45));
        awaitCalls(id, "Heartbeat", 1);
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(value = OcppVersion.class, names = {"V2_0_1", "V2_1"})
    void baseReportComesInNotifyReportPages(OcppVersion version) throws Exception {
        SimulatedStation station = started("REPORT-" + version.label(), version);
        String id = station.id();
        ObjectNode request = json().put("requestId", 42).put("reportBase", "FullInventory");
        assertThat(answered(id, "GetBaseReport", request).path("status").asText()).isEqualTo("Accepted");
        List<TestCsms.Received> pages = awaitCalls(id, "NotifyReport", 2);
        assertThat(pages).extracting(p -> p.payload().path("requestId").asInt()).containsOnly(42);
        assertThat(pages).extracting(p -> p.payload().path("seqNo").asInt()).containsExactly(0, 1);
        assertThat(pages.get(0).payload().path("tbc").asBoolean()).isTrue();
        assertThat(pages.get(1).payload().has("tbc")).isFalse();
        assertThat(pages.stream().flatMap(p -> StreamSupport.stream(
                p.payload().path("reportData").spliterator(), false))
                .map(e -> e.path("component").path("name").asText() + "." + e.path("variable").path("name").asText()))
                .contains("OCPPCommCtrlr.HeartbeatInterval", "EVSE.AvailabilityState", "TxCtrlr.TxStartPoint");

        ObjectNode one = json().put("requestId", 43);
        one.putArray("componentVariable").addObject().putObject("component").put("name", "AuthCtrlr");
        assertThat(answered(id, "GetReport", one).path("status").asText()).isEqualTo("Accepted");
        List<TestCsms.Received> authPages = awaitCalls(id, "NotifyReport", 3);
        assertThat(authPages.get(2).payload().path("reportData")).extracting(e -> e.path("component").path("name")
                .asText()).containsOnly("AuthCtrlr");
        ObjectNode none = json().put("requestId", 44);
        none.putArray("componentVariable").addObject().putObject("component").put("name", "Nothing");
        assertThat(answered(id, "GetReport", none).path("status").asText()).isEqualTo("EmptyResultSet");
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void localListVersionsAndOffLineAuthorization(OcppVersion version) throws Exception {
        SimulatedStation station = started("LIST-" + version.label(), version);
        String id = station.id();
        assertThat(send(version, id, 1, "Full", "LOCAL-1", "Accepted")).isEqualTo("Accepted");
        String versionField = version.isTwoX() ? "versionNumber" : "listVersion";
        assertThat(answered(id, "GetLocalListVersion", json()).path(versionField).asInt()).isEqualTo(1);
        assertThat(send(version, id, 1, "Differential", "LOCAL-2", "Blocked")).isEqualTo("VersionMismatch");
        assertThat(send(version, id, 2, "Differential", "LOCAL-2", "Blocked")).isEqualTo("Accepted");

        // off line, unknown tags are refused, listed ones decide
        if (version.isTwoX()) {
            ObjectNode set = json();
            set.putArray("setVariableData").add(variable("AuthCtrlr", null, "OfflineTxForUnknownIdEnabled")
                    .put("attributeValue", "false"));
            answered(id, "SetVariables", set);
        } else {
            answered(id, "ChangeConfiguration", json().put("key", "AllowOfflineTxForUnknownId").put("value", "false"));
        }
        assertThat(answered(id, "ClearCache", json()).path("status").asText()).isEqualTo("Accepted");
        station.goOffline().get();
        assertThatThrownBy(() -> station.startSession(1, "STRANGER").get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        assertThatThrownBy(() -> station.startSession(1, "LOCAL-2").get(DEADLINE.toSeconds(), TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class);
        station.startSession(1, "LOCAL-1");
        simulator.awaitQuiet(DEADLINE);
        assertThat(station.session(1).orElseThrow().active()).isTrue();
        assertNoViolations();
    }

    private String change(String id, String key, String value) throws Exception {
        return answered(id, "ChangeConfiguration", json().put("key", key).put("value", value)).path("status").asText();
    }

    private String send(OcppVersion version, String id, int listVersion, String type, String tag, String status)
            throws Exception {
        ObjectNode request = json().put(version.isTwoX() ? "versionNumber" : "listVersion", listVersion)
                .put("updateType", type);
        ObjectNode entry = request.putArray("localAuthorizationList").addObject();
        if (version.isTwoX()) {
            entry.putObject("idToken").put("idToken", tag).put("type", "ISO14443");
            entry.putObject("idTokenInfo").put("status", status);
        } else {
            entry.put("idTag", tag).putObject("idTagInfo").put("status", status);
        }
        return answered(id, "SendLocalList", request).path("status").asText();
    }

    private static ObjectNode variable(String component, Integer evse, String variable) {
        ObjectNode data = json();
        ObjectNode c = data.putObject("component").put("name", component);
        if (evse != null) {
            c.putObject("evse").put("id", evse);
        }
        data.putObject("variable").put("name", variable);
        return data;
    }
}
