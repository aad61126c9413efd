package dev.csms.device.status;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.csms.device.testing.StationCalls;
import dev.csms.device.testing.Stations;
import dev.csms.device.testing.Tokens;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.localstack.testing.TopicProbe;
import java.nio.charset.StandardCharsets;
import dev.csms.localstack.LocalStack;
import dev.csms.localstack.LocalStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Online/offline from the gateway's connection events on ocpp.inbound, read through the operator API. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class PresenceTest {

    private StationCalls gateway;

    @BeforeEach
    void open() {
        gateway = new StationCalls();
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    private static void awaitPresence(String id, boolean online, long epoch) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/presence")
                        .then().statusCode(200).body("online", equalTo(online))
                        .body("connectionEpoch", equalTo((int) epoch)));
    }

    @Test
    void neverConnectedStationIsOffline() {
        String id = Stations.register("CS-", 1, List.of("2.0.1"));
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/presence")
                .then().statusCode(200).body("stationId", equalTo(id)).body("online", equalTo(false))
                .body("connectionEpoch", nullValue());
    }

    @Test
    void connectAndDisconnect() throws Exception {
        String id = Stations.register("CS-", 1, List.of("2.0.1"));
        gateway.connected(id, 1);
        awaitPresence(id, true, 1);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/presence")
                .then().body("gatewayId", equalTo("gw-test")).body("ocppVersion", equalTo("2.0.1"))
                .body("remoteAddress", equalTo("192.0.2.1"));
        gateway.disconnected(id, 1);
        awaitPresence(id, false, 1);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/presence")
                .then().body("disconnectReason", equalTo("ClosedByStation"));
    }

    @Test
    void oldDisconnectDoesNotMarkReconnectedStationOffline() throws Exception {
        String id = Stations.register("CS-", 1, List.of("2.0.1"));
        gateway.connected(id, 1);
        gateway.connected(id, 2);
        gateway.disconnected(id, 1); // the superseded connection's close arrives after the reconnect
        // A marker on the same partition, handled after the old disconnect: once its answer is out, the disconnect
        // was handled too.
        try (TopicProbe outbound = new TopicProbe(Topics.unprefixed().outbound())) {
            String boot = gateway.boot(id);
            outbound.await(r -> {
                var correlation = r.headers().lastHeader(CloudEventHeaders.PREFIX + CloudEventHeaders.CORRELATION_ID);
                return correlation != null && boot.equals(new String(correlation.value(), StandardCharsets.UTF_8));
            });
        }
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id + "/presence")
                .then().statusCode(200).body("online", equalTo(true)).body("connectionEpoch", equalTo(2));
    }

    @Test
    void errors() {
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/CS-none/presence")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/stations/CS-none/presence").then().statusCode(401);
        given().auth().oauth2(LocalStack.get().jwt().token("eve", Set.of())).when()
                .get("/api/v1/stations/CS-none/presence").then().statusCode(403);
    }
}
