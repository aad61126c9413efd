package dev.csms.device.firmware;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.device.testing.StationCalls;
import dev.csms.device.testing.StationCommands;
import dev.csms.device.testing.Stations;
import dev.csms.device.testing.Tokens;
import dev.csms.events.Topics;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.ocpp.OcppVersion;
import dev.csms.runtime.presence.PresenceView;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Firmware updates end to end: REST -> ledger -> Command on ocpp.outbound (checked as the CALL it becomes for the
 * station's version); the test plays the gateway (presence, the station's answer as a CommandResult) and reads the
 * recorded result.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class FirmwareUpdateTest {

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

    private static ValidatableResponse post(String id, Object body) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/stations/" + id + "/firmware").then();
    }

    private static void awaitAnswered(String commandId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.viewer())
                .when().get("/api/v1/commands/" + commandId)
                .then().statusCode(200).body("status", equalTo("Answered")).body("kind", equalTo("firmware")));
    }

    @Test
    void aOneSixStationGetsUpdateFirmwareOrSignedUpdateFirmware() throws Exception {
        String id = Stations.register("FWU-");
        Stations.connect(gateway, presence, id, OcppVersion.V1_6);

        String plain = post(id, Map.of("location", "https://fw.example/acme-2.0.bin",
                "retrieveAt", "2030-01-01T10:00:00Z", "retries", 3))
                .statusCode(202).header("Location", containsString("/api/v1/commands/"))
                .body("kind", equalTo("firmware")).body("requestedBy", equalTo("alice"))
                .extract().path("commandId");
        StationCommands.Sent sent = commands.await(id, plain, OcppVersion.V1_6);
        assertThat(sent.request().action()).isEqualTo("UpdateFirmware");
        JsonNode payload = sent.request().payload();
        assertThat(payload.path("location").asText()).isEqualTo("https://fw.example/acme-2.0.bin");
        assertThat(payload.path("retrieveDate").asText()).startsWith("2030-01-01T10:00:00");
        assertThat(payload.path("retries").asInt()).isEqualTo(3);
        commands.answer(sent, OcppVersion.V1_6, "{}");
        awaitAnswered(plain);

        String signed = post(id, Map.of("location", "https://fw.example/acme-2.1.bin",
                "signature", "c2lnbmF0dXJl", "signingCertificate", "-----BEGIN CERTIFICATE-----\nMIIB\n"
                        + "-----END CERTIFICATE-----"))
                .statusCode(202).extract().path("commandId");
        sent = commands.await(id, signed, OcppVersion.V1_6);
        assertThat(sent.request().action()).isEqualTo("SignedUpdateFirmware");
        String reference = given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/commands/" + signed)
                .then().statusCode(200).extract().path("reference");
        assertThat(sent.request().payload().path("requestId").asText()).isEqualTo(reference);
        assertThat(sent.request().payload().path("firmware").path("signature").asText()).isEqualTo("c2lnbmF0dXJl");
        commands.answer(sent, OcppVersion.V1_6, "{\"status\":\"Accepted\"}");
        awaitAnswered(signed);
    }

    @Test
    void aTwoZeroOneStationGetsUpdateFirmwareWithItsRequestId() throws Exception {
        String id = Stations.register("FWU-");
        Stations.connect(gateway, presence, id, OcppVersion.V2_0_1);

        String commandId = post(id, Map.of("location", "https://fw.example/acme-3.0.bin",
                "installAt", "2030-01-02T03:00:00Z", "retryInterval", 60))
                .statusCode(202).extract().path("commandId");
        StationCommands.Sent sent = commands.await(id, commandId, OcppVersion.V2_0_1);
        assertThat(sent.request().action()).isEqualTo("UpdateFirmware");
        JsonNode payload = sent.request().payload();
        assertThat(payload.path("firmware").path("location").asText()).isEqualTo("https://fw.example/acme-3.0.bin");
        assertThat(payload.path("firmware").path("installDateTime").asText()).startsWith("2030-01-02T03:00:00");
        assertThat(payload.path("retryInterval").asInt()).isEqualTo(60);
        commands.answer(sent, OcppVersion.V2_0_1, "{\"status\":\"Accepted\"}");
        awaitAnswered(commandId);
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/commands/" + commandId)
                .then().body("response.status", equalTo("Accepted"))
                .body("reference", equalTo(payload.path("requestId").asText()));
    }

    @Test
    void errors() throws Exception {
        String offline = Stations.register("FWU-");
        Map<String, Object> valid = Map.of("location", "https://fw.example/x.bin");
        post(offline, valid).statusCode(409).contentType("application/problem+json");
        post("NOPE-" + UUID.randomUUID(), valid).statusCode(404).contentType("application/problem+json");
        post(offline, Map.of("retries", 1)).statusCode(400).contentType("application/problem+json");
        post(offline, Map.of("location", "https://fw.example/x.bin", "retries", -1)).statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(valid).when().post("/api/v1/stations/" + offline + "/firmware")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(valid)
                .when().post("/api/v1/stations/" + offline + "/firmware").then().statusCode(403);

        String v16 = Stations.register("FWU-");
        Stations.connect(gateway, presence, v16, OcppVersion.V1_6);
        // a 1.6 signed update needs the certificate with the signature
        post(v16, Map.of("location", "https://fw.example/x.bin", "signature", "c2ln")).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("OCPP 1.6"));
    }
}
