package dev.csms.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.csms.gateway.Gateway;
import dev.csms.ocpp.OcppJson;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Addresses, identities and frames for the gateway's tests. */
public final class TestStations {

    private static final ObjectMapper JSON = OcppJson.newObjectMapper();

    private TestStations() {
    }

    /** A station id no other test uses. */
    public static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The plain (ws) endpoint of the application under test. */
    public static URI plain(String pathSegment) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        return URI.create("ws://127.0.0.1:" + port + "/ocpp/" + pathSegment);
    }

    /** The TLS (wss) endpoint of the application under test. */
    public static URI tls(String pathSegment) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-ssl-port", Integer.class);
        return URI.create("wss://127.0.0.1:" + port + "/ocpp/" + pathSegment);
    }

    /** The certificates of this run. */
    public static TestPki pki() {
        String ca = ConfigProvider.getConfig().getValue(GatewayTestResource.STATION_CA, String.class);
        return TestPki.load(Path.of(ca).getParent());
    }

    /** Waits until the gateway's credentials view has the station. */
    public static void awaitCredentials(Gateway gateway, String stationId) {
        await().atMost(Duration.ofSeconds(15)).until(() -> gateway.credentials().get(stationId).isPresent());
    }

    /** A CALL frame. */
    public static String call(String messageId, String action, String payload) {
        return "[2,\"" + messageId + "\",\"" + action + "\"," + payload + "]";
    }

    /** A frame parsed as a JSON array. */
    public static ArrayNode frame(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (!node.isArray()) {
                throw new AssertionError("not a frame: " + text);
            }
            return (ArrayNode) node;
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
