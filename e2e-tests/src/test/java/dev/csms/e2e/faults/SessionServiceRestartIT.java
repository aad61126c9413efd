package dev.csms.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.csms.e2e.platform.Fleet;
import dev.csms.e2e.platform.Platform;
import dev.csms.e2e.platform.PlatformService;
import dev.csms.e2e.platform.StationTraffic;
import dev.csms.e2e.platform.TestStations;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.sessions.SessionEnded;
import dev.csms.events.sessions.SessionStarted;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.BootState;
import dev.csms.simulator.SessionView;
import dev.csms.simulator.SimulatedStation;
import dev.csms.simulator.StationConfig;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * session-service crashes (SIGKILL) while 1.6 and 2.0.1 stations are in sessions metering every second, and is
 * started again. Half of the sessions end while it is down (the gateway stores their stops on Kafka and answers with
 * its fallback), the other half after it is back. Afterwards every session the stations ran exists exactly once in
 * the sessions API, ended with the energy the station metered, and {@code sessions.events} has exactly one
 * SessionStarted and one SessionEnded for it: nothing lost, nothing duplicated by the crash (a record the outbox
 * relay publishes again after the crash is the same event, same id, which consumers deduplicate; it is counted
 * once).
 */
class SessionServiceRestartIT {

    private static final OcppVersion[] VERSIONS = {
        OcppVersion.V1_6, OcppVersion.V2_0_1, OcppVersion.V1_6, OcppVersion.V2_0_1};
    private static final Duration BOOT = Duration.ofSeconds(90);
    private static final Duration EVENT = Duration.ofSeconds(30);
    /** After the restart the consumer group waits for the killed member's session to expire (45 s) first. */
    private static final Duration AFTER_RESTART = Duration.ofSeconds(120);

    private final Platform platform = Platform.get();
    private final Fleet fleet = Fleet.connectingTo(platform.loadBalancedStationUrl());

    @AfterEach
    void restoreThePlatform() {
        fleet.close();
        PlatformService sessionService = platform.service(Platform.SESSION);
        if (!sessionService.isRunning()) {
            sessionService.restart(platform.settings().readyTimeout());
        }
        platform.awaitAllReady();
    }

    @Test
    void noSessionIsLostOrDuplicatedWhenSessionServiceCrashesMidSession() throws Exception {
        List<SimulatedStation> stations = new ArrayList<>();
        Map<String, String> tags = new HashMap<>();
        for (OcppVersion version : VERSIONS) {
            String id = TestStations.id("SSCRASH-" + version.label().replace(".", ""));
            String password = TestStations.password();
            String tag = TestStations.id("CTAG").toUpperCase();
            platform.devices().register(id, password, null);
            platform.sessions().registerToken(tag);
            tags.put(id, tag);
            stations.add(fleet.add(StationConfig.builder(id, version)
                    .password(password)
                    .connectors(1)
                    .behaviour(TestStations.behaviour()
                            .meterValueInterval(Duration.ofSeconds(1))
                            .chargingPowerKw(11)
                            .sessionsPerHour(0)
                            .build())
                    .recordTraffic(true)
                    .build()));
        }
        stations.forEach(station -> platform.awaitCredentials(station.id()));
        stations.forEach(SimulatedStation::start);
        await().atMost(BOOT).until(() -> stations.stream()
                .allMatch(station -> station.bootState() == BootState.ACCEPTED));

        List<CompletableFuture<SessionView>> starts = stations.stream()
                .map(station -> station.startSession(1, tags.get(station.id()))).toList();
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        await().atMost(EVENT).untilAsserted(() -> assertThat(stations).allSatisfy(station ->
                assertThat(started(station.id())).isNotEmpty()));
        Map<String, Integer> meteredBefore = new HashMap<>();
        await().atMost(EVENT).untilAsserted(() -> assertThat(stations).allSatisfy(station ->
                assertThat(meterCalls(station)).isGreaterThanOrEqualTo(2)));
        stations.forEach(station -> meteredBefore.put(station.id(), meterCalls(station)));

        // the crash, in the middle of every session
        PlatformService sessionService = platform.service(Platform.SESSION);
        sessionService.kill();
        assertThat(sessionService.isRunning()).isFalse();

        // while it is down the stations keep metering (notifications: the gateway answers once Kafka has them)...
        await().atMost(EVENT).untilAsserted(() -> assertThat(stations).allSatisfy(station ->
                assertThat(meterCalls(station)).isGreaterThanOrEqualTo(meteredBefore.get(station.id()) + 2)));
        // ... and one session of each version ends: the stop is stored on Kafka, the gateway's fallback answers it
        List<SimulatedStation> stoppedDuringOutage = stations.subList(0, 2);
        for (SimulatedStation station : stoppedDuringOutage) {
            station.stopSession(1).get(10, TimeUnit.SECONDS);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(stoppedDuringOutage).allSatisfy(
                station -> assertThat(station.pendingCalls().get(5, TimeUnit.SECONDS)).isZero()));
        assertThat(stoppedDuringOutage).allSatisfy(station -> assertThat(station.session(1)).get()
                .satisfies(session -> assertThat(session.active()).isFalse()));

        sessionService.restart(platform.settings().readyTimeout());
        platform.awaitAllReady();

        // the other sessions end after the restart
        for (SimulatedStation station : stations.subList(2, stations.size())) {
            station.stopSession(1).get(10, TimeUnit.SECONDS);
        }

        // every session exists once, ended with the station's own energy
        await().atMost(AFTER_RESTART).untilAsserted(() -> assertThat(stations).allSatisfy(station -> {
            SessionView last = station.session(1).orElseThrow();
            assertThat(last.active()).isFalse();
            JsonPath sessions = platform.sessions().sessionsOf(station.id());
            assertThat(sessions.getList("items")).as("sessions of %s", station.id()).hasSize(1);
            assertThat(sessions.getString("items[0].transactionId")).isEqualTo(last.transactionId());
            assertThat(sessions.getString("items[0].status")).as("%s", station.id()).isEqualTo("Ended");
            assertThat(sessions.getBoolean("items[0].orphan")).isFalse();
            assertThat(new BigDecimal(sessions.getString("items[0].energyWh"))).as("energy of %s", station.id())
                    .isEqualByComparingTo(BigDecimal.valueOf(last.energyWh()));
            assertThat(ended(station.id())).as("SessionEnded of %s", station.id()).isNotEmpty();
        }));
        for (SimulatedStation station : stations) {
            SessionView last = station.session(1).orElseThrow();
            assertThat(last.energyWh()).isPositive();
            List<EventEnvelope<SessionStarted>> started = started(station.id());
            List<EventEnvelope<SessionEnded>> ended = ended(station.id());
            assertThat(distinctIds(started)).as("SessionStarted of %s", station.id()).isEqualTo(1);
            assertThat(distinctIds(ended)).as("SessionEnded of %s", station.id()).isEqualTo(1);
            SessionStarted start = started.get(0).data();
            SessionEnded end = ended.get(0).data();
            assertThat(start.transactionId()).isEqualTo(last.transactionId());
            assertThat(end.sessionId()).isEqualTo(start.sessionId());
            assertThat(end.orphan()).isFalse();
            assertThat(end.energyWh()).isEqualByComparingTo(BigDecimal.valueOf(last.energyWh()));
        }
        assertThat(fleet.simulator().stats().snapshot().violationsReceived()).isEmpty();
    }

    private int meterCalls(SimulatedStation station) {
        return StationTraffic.of(station).acknowledged(
                station.version() == OcppVersion.V1_6 ? "MeterValues" : "TransactionEvent").size();
    }

    private List<EventEnvelope<SessionStarted>> started(String stationId) {
        return platform.sessionEvents().events(SessionStarted.class, event -> event.stationId().equals(stationId));
    }

    private List<EventEnvelope<SessionEnded>> ended(String stationId) {
        return platform.sessionEvents().events(SessionEnded.class, event -> event.stationId().equals(stationId));
    }

    private static long distinctIds(List<? extends EventEnvelope<?>> events) {
        return events.stream().map(EventEnvelope::id).distinct().count();
    }
}
