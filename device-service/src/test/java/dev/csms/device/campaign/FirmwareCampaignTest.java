package dev.csms.device.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.csms.device.testing.StationCalls;
import dev.csms.device.testing.StationCommands;
import dev.csms.device.testing.Tokens;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.device.FirmwareCampaignProgress;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.localstack.testing.TopicProbe;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.FirmwareStatus;
import dev.csms.ocpp.canonical.StationEvent.FirmwareStatusNotification;
import dev.csms.runtime.presence.PresenceView;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Firmware campaigns end to end: REST creates the campaign, the leader's rollout sends UpdateFirmware through the
 * ledger (Commands on ocpp.outbound), the test plays the gateway and the stations (command results, firmware status
 * notifications on ocpp.inbound) and reads the campaign and its FirmwareCampaignProgress events on device.campaigns.
 */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "device"))
class FirmwareCampaignTest {

    private static final Duration QUIET = Duration.ofMillis(1500); // several rollout ticks (200 ms in tests)
    private static final OcppVersion V201 = OcppVersion.V2_0_1;

    private final EventCodec codec = new EventCodec();
    private StationCalls gateway;
    private TopicProbe outbound;
    private TopicProbe campaignsTopic;
    private StationCommands commands;
    private final Set<String> seen = new HashSet<>();

    @Inject
    PresenceView presence;

    @BeforeEach
    void open() {
        gateway = new StationCalls();
        outbound = new TopicProbe(Topics.unprefixed().outbound());
        campaignsTopic = new TopicProbe(Topics.unprefixed().name(Topics.DEVICE_CAMPAIGNS));
        commands = new StationCommands(outbound, gateway);
    }

    @AfterEach
    void close() {
        outbound.close();
        campaignsTopic.close();
        gateway.close();
    }

    private static String create(String prefix, String siteId) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>(Map.of("id", id, "securityProfile", 1, "enabled", true,
                "allowedOcppVersions", List.of("1.6", "2.0.1")));
        if (siteId != null) {
            body.put("siteId", siteId);
        }
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/stations").then().statusCode(201);
        return id;
    }

    private List<String> fleet(int size, OcppVersion version) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String id = create("FWC" + i, null);
            gateway.present(id, version);
            ids.add(id);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(presence::isConnected));
        return ids;
    }

    private static ValidatableResponse post(Object body) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/firmware-campaigns").then();
    }

    private static Map<String, Object> campaign(List<String> stationIds, Object... settings) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "acme 3.0");
        body.put("firmware", Map.of("location", "https://fw.example/acme-3.0.bin"));
        body.put("stationIds", stationIds);
        for (int i = 0; i < settings.length; i += 2) {
            body.put((String) settings[i], settings[i + 1]);
        }
        return body;
    }

    private static ValidatableResponse get(String campaignId) {
        return given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/firmware-campaigns/" + campaignId).then()
                .statusCode(200);
    }

    private static ValidatableResponse action(String campaignId, String action) {
        return given().auth().oauth2(Tokens.operator()).when()
                .post("/api/v1/firmware-campaigns/" + campaignId + "/" + action).then();
    }

    private static void awaitStatus(String campaignId, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> get(campaignId).body("status", equalTo(status)));
    }

    /** The next firmware command of the station, checked as the UpdateFirmware it becomes. */
    private StationCommands.Sent next(String stationId, OcppVersion version) {
        StationCommands.Sent sent = commands.awaitNext(stationId, seen, version);
        seen.add(sent.command().commandId());
        assertThat(sent.request().action()).isEqualTo("UpdateFirmware");
        return sent;
    }

    /** The station accepts the update and reports it Installed (2.0.1: with the command's requestId). */
    private void install(StationCommands.Sent sent, OcppVersion version) throws Exception {
        commands.answer(sent, version, version == OcppVersion.V1_6 ? "{}" : "{\"status\":\"Accepted\"}");
        report(sent, version, FirmwareStatus.Installed);
    }

    private void report(StationCommands.Sent sent, OcppVersion version, FirmwareStatus status) throws Exception {
        Integer requestId = version == OcppVersion.V1_6 ? null
                : sent.request().payload().path("requestId").asInt();
        gateway.call(sent.command().stationId(), version, "FirmwareStatusNotification",
                new FirmwareStatusNotification(status, requestId, null));
    }

    /** How many firmware commands the stations have received so far. */
    private int commandsTo(List<String> stationIds) {
        return outbound.poll(r -> stationIds.stream().anyMatch(id -> commands.isCommandFor(id, r))).size();
    }

    private FirmwareCampaignProgress awaitProgress(String campaignId, String status) {
        ConsumerRecord<String, byte[]> record = campaignsTopic.await(r -> campaignId.equals(r.key())
                && codec.fromRecord(r, EventTypes.FIRMWARE_CAMPAIGN_PROGRESS).data().status().name().equals(status));
        return codec.fromRecord(record, EventTypes.FIRMWARE_CAMPAIGN_PROGRESS).data();
    }

    @Test
    void aCampaignRollsOutBatchByBatchWithinItsMaximumInFlightAndCompletes() throws Exception {
        List<String> ids = fleet(5, V201);
        String campaignId = post(campaign(ids, "batchSize", 3, "maxInFlight", 2))
                .statusCode(201).header("Location", containsString("/api/v1/firmware-campaigns/"))
                .body("status", equalTo("Running")).body("counts.total", equalTo(5))
                .body("counts.queued", equalTo(5)).body("createdBy", equalTo("alice"))
                .extract().path("id");
        assertThat(awaitProgress(campaignId, "Running").total()).isEqualTo(5);

        // batch 0 = stations 0..2, at most 2 in flight
        StationCommands.Sent s0 = next(ids.get(0), V201);
        StationCommands.Sent s1 = next(ids.get(1), V201);
        assertThat(outbound.collectFor(r -> ids.stream().anyMatch(id -> commands.isCommandFor(id, r)), QUIET))
                .hasSize(2);
        get(campaignId).body("counts.inProgress", equalTo(2)).body("counts.queued", equalTo(3))
                .body("stations.items[0].state", equalTo("Sent"))
                .body("stations.items[0].requestId", equalTo(s0.request().payload().path("requestId").asInt()));

        install(s0, V201);
        StationCommands.Sent s2 = next(ids.get(2), V201);
        install(s1, V201);
        // station 2 still runs: batch 1 waits for it although a slot is free
        assertThat(outbound.collectFor(r -> ids.stream().anyMatch(id -> commands.isCommandFor(id, r)), QUIET))
                .hasSize(3);
        install(s2, V201);

        StationCommands.Sent s3 = next(ids.get(3), V201);
        StationCommands.Sent s4 = next(ids.get(4), V201);
        assertThat(commandsTo(ids)).isEqualTo(5);
        install(s3, V201);
        install(s4, V201);

        awaitStatus(campaignId, "Completed");
        get(campaignId).body("counts.installed", equalTo(5)).body("counts.failed", equalTo(0))
                .body("stations.items", hasSize(5)).body("stations.items[3].batch", equalTo(1))
                .body("stations.items[4].state", equalTo("Installed"))
                .body("stations.items[4].lastStatus", equalTo("Installed"));
        FirmwareCampaignProgress completed = awaitProgress(campaignId, "Completed");
        assertThat(completed.installed()).isEqualTo(5);
        assertThat(campaignsTopic.poll(r -> campaignId.equals(r.key())).stream()
                .map(r -> codec.fromRecord(r, EventTypes.FIRMWARE_CAMPAIGN_PROGRESS).data())
                .filter(e -> e.stationState() == FirmwareCampaignProgress.CampaignStationState.Installed))
                .hasSize(5);
        // each update was an ordinary ledger command of kind firmware, answered
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/commands/" + s4.command().commandId())
                .then().statusCode(200).body("kind", equalTo("firmware")).body("status", equalTo("Answered"));
    }

    @Test
    void aCampaignAbortsWhenTooManyStationsFail() throws Exception {
        String offline = create("FWC-OFF", null);
        List<String> online = fleet(5, OcppVersion.V1_6);
        List<String> ids = new ArrayList<>(List.of(offline));
        ids.addAll(online);
        String campaignId = post(campaign(ids, "maxInFlight", 1, "minFinished", 3, "failureThreshold", 0.5))
                .statusCode(201).extract().path("id");

        // the offline station fails without a command; the next one refuses with a CALLERROR
        StationCommands.Sent a = next(online.get(0), OcppVersion.V1_6);
        commands.callError(a, OcppVersion.V1_6, "InternalError");
        // the next one accepts, then fails to install: 3 of 3 finished failed
        StationCommands.Sent b = next(online.get(1), OcppVersion.V1_6);
        commands.answer(b, OcppVersion.V1_6, "{}");
        report(b, OcppVersion.V1_6, FirmwareStatus.InstallationFailed);

        awaitStatus(campaignId, "Aborted");
        get(campaignId).body("counts.failed", equalTo(3)).body("counts.cancelled", equalTo(3))
                .body("counts.installed", equalTo(0))
                .body("stations.items[0].state", equalTo("Failed"))
                .body("stations.items[0].detail", containsString("not connected"))
                .body("stations.items[1].detail", containsString("CALLERROR InternalError"))
                .body("stations.items[2].detail", containsString("InstallationFailed"))
                .body("stations.items[5].state", equalTo("Cancelled"));
        assertThat(awaitProgress(campaignId, "Aborted").detail()).contains("3 of 3");
        assertThat(commandsTo(online)).isEqualTo(2);
        action(campaignId, "cancel").statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aPausedCampaignSendsNothingUntilResumedAndCancelStopsIt() throws Exception {
        List<String> ids = fleet(3, V201);
        String campaignId = post(campaign(ids, "maxInFlight", 1)).statusCode(201).extract().path("id");
        StationCommands.Sent s0 = next(ids.get(0), V201);

        action(campaignId, "pause").statusCode(200).body("status", equalTo("Paused"));
        action(campaignId, "pause").statusCode(409).contentType("application/problem+json");
        awaitProgress(campaignId, "Paused");
        install(s0, V201); // a station in flight still finishes
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> get(campaignId).body("counts.installed", equalTo(1)));
        assertThat(outbound.collectFor(r -> commands.isCommandFor(ids.get(1), r), QUIET)).isEmpty();
        get(campaignId).body("status", equalTo("Paused")).body("counts.queued", equalTo(2));

        action(campaignId, "resume").statusCode(200).body("status", equalTo("Running"));
        action(campaignId, "resume").statusCode(409).contentType("application/problem+json");
        StationCommands.Sent s1 = next(ids.get(1), V201);

        action(campaignId, "cancel").statusCode(200).body("status", equalTo("Cancelled"))
                .body("counts.cancelled", equalTo(1)).body("counts.inProgress", equalTo(1));
        awaitProgress(campaignId, "Cancelled");
        install(s1, V201);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> get(campaignId).body("counts.installed", equalTo(2)));
        assertThat(outbound.collectFor(r -> commands.isCommandFor(ids.get(2), r), QUIET)).isEmpty();
        get(campaignId).body("status", equalTo("Cancelled")).body("stations.items[2].state", equalTo("Cancelled"));
        action(campaignId, "cancel").statusCode(409);
        action(campaignId, "resume").statusCode(409);
    }

    @Test
    void aStationWithoutProgressFailsAfterTheProgressTimeout() throws Exception {
        List<String> ids = fleet(1, V201);
        String campaignId = post(campaign(ids, "progressTimeoutSeconds", 1, "minFinished", 1,
                "failureThreshold", 1.0)).statusCode(201).extract().path("id");
        StationCommands.Sent sent = next(ids.get(0), V201);
        commands.answer(sent, V201, "{\"status\":\"Accepted\"}");
        awaitStatus(campaignId, "Completed");
        get(campaignId).body("counts.failed", equalTo(1))
                .body("stations.items[0].detail", containsString("no firmware progress"));
    }

    @Test
    void aFilterTargetsTheEnabledStationsOfASiteAndModel() throws Exception {
        String site = "site-" + UUID.randomUUID().toString().substring(0, 8);
        String first = create("FWF", site);
        String second = create("FWF", site);
        create("FWF", site); // never booted: no reported model
        gateway.boot(first);
        gateway.boot(second);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String id : List.of(first, second)) {
                given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/stations/" + id).then()
                        .body("reported.model", equalTo("Wallbox 22"));
            }
        });
        Map<String, Object> body = campaign(null);
        body.remove("stationIds");
        body.put("filter", Map.of("siteId", site, "model", "wallbox 22"));
        String campaignId = post(body).statusCode(201).body("counts.total", equalTo(2))
                .body("target.filter.siteId", equalTo(site)).extract().path("id");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/firmware-campaigns/" + campaignId
                + "?page=1&size=1").then().statusCode(200).body("stations.total", equalTo(2))
                .body("stations.items", hasSize(1)).body("stations.page", equalTo(1));
        // the stations are not connected: both fail when their turn comes, which completes the campaign
        awaitStatus(campaignId, "Completed");
        get(campaignId).body("counts.failed", equalTo(2));

        body.put("filter", Map.of("siteId", site, "firmwareVersion", "0.0.0-none"));
        post(body).statusCode(400).contentType("application/problem+json");
    }

    @Test
    void listingAndErrors() {
        String station = create("FWE", null);
        String campaignId = post(campaign(List.of(station), "maxInFlight", 1)).statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/firmware-campaigns?size=500").then()
                .statusCode(200).body("page", equalTo(0)).body("size", equalTo(500))
                .body("items.id", org.hamcrest.Matchers.hasItem(campaignId));
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/firmware-campaigns?status=Paused&size=500")
                .then().statusCode(200).body("items.id", org.hamcrest.Matchers.not(org.hamcrest.Matchers
                        .hasItem(campaignId)));
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/firmware-campaigns?status=Sleeping")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/firmware-campaigns/" + campaignId
                + "?state=Sleeping").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/firmware-campaigns?size=0")
                .then().statusCode(400).contentType("application/problem+json");

        // 400: neither or both targets, unknown station, invalid firmware or settings
        Map<String, Object> neither = campaign(null);
        neither.remove("stationIds");
        post(neither).statusCode(400).contentType("application/problem+json");
        Map<String, Object> both = campaign(List.of(station));
        both.put("filter", Map.of("siteId", "x"));
        post(both).statusCode(400).contentType("application/problem+json");
        post(campaign(List.of(station, "NOPE-" + UUID.randomUUID()))).statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("NOPE-"));
        Map<String, Object> noLocation = campaign(List.of(station));
        noLocation.put("firmware", Map.of("retries", 1));
        post(noLocation).statusCode(400).contentType("application/problem+json");
        post(campaign(List.of(station), "maxInFlight", 0)).statusCode(400).contentType("application/problem+json");
        post(campaign(List.of(station), "failureThreshold", 1.5)).statusCode(400);
        Map<String, Object> emptyFilter = campaign(null);
        emptyFilter.remove("stationIds");
        emptyFilter.put("filter", Map.of());
        post(emptyFilter).statusCode(400).contentType("application/problem+json");

        // 401, 403
        given().contentType(ContentType.JSON).body(campaign(List.of(station))).when()
                .post("/api/v1/firmware-campaigns").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).contentType(ContentType.JSON).body(campaign(List.of(station)))
                .when().post("/api/v1/firmware-campaigns").then().statusCode(403);
        given().when().get("/api/v1/firmware-campaigns").then().statusCode(401);
        given().auth().oauth2(Tokens.viewer()).when().post("/api/v1/firmware-campaigns/" + campaignId + "/pause")
                .then().statusCode(403);

        // 404
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(Tokens.viewer()).when().get("/api/v1/firmware-campaigns/" + unknown).then()
                .statusCode(404).contentType("application/problem+json");
        for (String a : List.of("pause", "resume", "cancel")) {
            action(unknown, a).statusCode(404).contentType("application/problem+json");
        }
    }
}
