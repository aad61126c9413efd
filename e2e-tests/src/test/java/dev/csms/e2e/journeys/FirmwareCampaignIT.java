package dev.csms.e2e.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.csms.e2e.platform.ExtraTaps;
import dev.csms.e2e.platform.Fleet;
import dev.csms.e2e.platform.Platform;
import dev.csms.e2e.platform.StationTraffic;
import dev.csms.e2e.platform.TestStations;
import dev.csms.e2e.platform.TopicTap;
import dev.csms.events.Topics;
import dev.csms.events.device.FirmwareCampaignProgress;
import dev.csms.events.device.FirmwareCampaignProgress.CampaignStationState;
import dev.csms.events.device.FirmwareCampaignProgress.CampaignStatus;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.BootState;
import dev.csms.simulator.SimulatedStation;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A firmware campaign of issue 6 through device-service's {@code /api/v1/firmware-campaigns} over four simulated
 * stations (1.6 and 2.0.1) with at most two in flight: every station is sent UpdateFirmware, reports the
 * simulator's firmware status sequence (Downloading, Downloaded, Installing, Installed; one second per step),
 * reboots with the new firmware, and the campaign completes with every station Installed; its progress is on
 * {@code device.campaigns}.
 */
class FirmwareCampaignIT {

    private static final Duration BOOT = Duration.ofSeconds(60);
    /** Two rounds of two stations, a few seconds each, plus the rollout's 5 s ticks, on a loaded machine. */
    private static final Duration CAMPAIGN = Duration.ofSeconds(150);
    private static final String LOCATION = "https://firmware.example.com/e2e-fw-2.0.bin";
    private static final String NEW_VERSION = "e2e-fw-2.0";

    private final Platform platform = Platform.get();
    private Fleet fleet;

    @BeforeEach
    void fleet() {
        fleet = Fleet.connectingTo(platform.loadBalancedStationUrl());
    }

    @AfterEach
    void powerOff() {
        fleet.close();
    }

    @Test
    void campaignUpdatesEveryStationTwoAtATimeAndCompletes() {
        List<SimulatedStation> stations = new ArrayList<>();
        for (OcppVersion version : List.of(OcppVersion.V1_6, OcppVersion.V2_0_1, OcppVersion.V1_6,
                OcppVersion.V2_0_1)) {
            stations.add(bootedStation(TestStations.id("FW-" + version.label().replace(".", "")), version));
        }
        List<String> ids = stations.stream().map(SimulatedStation::id).toList();

        Response created = platform.devices().request().contentType(ContentType.JSON)
                .body(Map.of("name", "e2e " + ids.get(0), "firmware", Map.of("location", LOCATION),
                        "stationIds", ids, "batchSize", 4, "maxInFlight", 2, "minFinished", 4,
                        "progressTimeoutSeconds", 120))
                .post("/api/v1/firmware-campaigns");
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String campaignId = created.jsonPath().getString("id");
        assertThat(created.header("Location")).endsWith("/api/v1/firmware-campaigns/" + campaignId);
        assertThat(created.jsonPath().getString("status")).isEqualTo("Running");

        // never more than two stations updating at once, until every one is Installed
        JsonPath done = await().atMost(CAMPAIGN).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonPath campaign = campaign(campaignId);
            assertThat(campaign.getInt("counts.inProgress")).isLessThanOrEqualTo(2);
            return campaign;
        }, campaign -> !"Running".equals(campaign.getString("status")));
        assertThat(done.getString("status")).isEqualTo("Completed");
        assertThat(done.getInt("counts.installed")).isEqualTo(4);
        assertThat(done.getList("stations.items.state", String.class)).containsOnly("Installed");
        assertThat(done.getList("stations.items.stationId", String.class)).containsExactlyElementsOf(ids);

        // every station went through the firmware status sequence and booted again with the new firmware
        for (SimulatedStation station : stations) {
            StationTraffic.Command update = StationTraffic.of(station).commands("UpdateFirmware").get(0);
            String location = station.version() == OcppVersion.V1_6 ? update.payload().path("location").asText()
                    : update.payload().path("firmware").path("location").asText();
            assertThat(location).isEqualTo(LOCATION);
            assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> firmwareStatuses(station.id()),
                    statuses -> statuses.contains("Installed"))).as(station.id())
                    .containsSubsequence("Downloading", "Downloaded", "Installing", "Installed");
            await().atMost(BOOT).until(() -> station.bootState() == BootState.ACCEPTED
                    && NEW_VERSION.equals(station.firmwareVersion()));
            assertThat(StationTraffic.of(station).errors()).isEmpty();
        }

        // device.campaigns: Running at the start, an Installed outcome per station, Completed at the end
        TopicTap campaigns = ExtraTaps.of(platform, Topics.DEVICE_CAMPAIGNS);
        List<FirmwareCampaignProgress> progress = await().atMost(Duration.ofSeconds(30)).until(
                () -> campaigns.data(FirmwareCampaignProgress.class, p -> p.campaignId().equals(campaignId)),
                events -> events.stream().anyMatch(p -> p.status() == CampaignStatus.Completed));
        assertThat(progress.get(0).status()).isEqualTo(CampaignStatus.Running);
        assertThat(progress.get(0).total()).isEqualTo(4);
        assertThat(progress).filteredOn(p -> p.stationState() == CampaignStationState.Installed)
                .extracting(FirmwareCampaignProgress::stationId).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(progress).allSatisfy(p -> assertThat(p.inProgress()).isLessThanOrEqualTo(2));
        FirmwareCampaignProgress last = progress.get(progress.size() - 1);
        assertThat(last.status()).isEqualTo(CampaignStatus.Completed);
        assertThat(last.installed()).isEqualTo(4);
        assertThat(last.failed()).isZero();
        assertThat(fleet.simulator().stats().snapshot().violationsReceived()).isEmpty();
    }

    private JsonPath campaign(String campaignId) {
        return platform.devices().request().get("/api/v1/firmware-campaigns/{id}", campaignId)
                .then().statusCode(200).extract().jsonPath();
    }

    private List<String> firmwareStatuses(String stationId) {
        return platform.inbound().data(StationCall.class, call -> call.stationId().equals(stationId)
                        && call.action().equals("FirmwareStatusNotification")).stream()
                .map(call -> call.payload().path("status").asText())
                .toList();
    }

    private SimulatedStation bootedStation(String id, OcppVersion version) {
        SimulatedStation station = platform.bootRegistered(fleet, id, version, 10, 1, TestStations.behaviour()
                .sessionsPerHour(0).firmwareStepDuration(Duration.ofSeconds(1)).build());
        platform.awaitConnected(id);
        return station;
    }
}
