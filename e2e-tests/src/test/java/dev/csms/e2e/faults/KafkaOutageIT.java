package dev.csms.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.e2e.platform.Fleet;
import dev.csms.e2e.platform.Platform;
import dev.csms.e2e.platform.StationTraffic;
import dev.csms.e2e.platform.TestStations;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.BootState;
import dev.csms.simulator.SimulatedStation;
import dev.csms.simulator.StationConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Kafka broker stops for {@code csms.e2e.kafka-outage-seconds} (30 s) while stations send notifications every
 * second: stations get CALLERRORs instead of false acknowledgements, and once the broker is back every CALL a
 * station was answered with a CALLRESULT, before, during or after the outage, is on {@code ocpp.inbound}; the
 * platform decides again (a new station boots Accepted through device-service).
 */
class KafkaOutageIT {

    private static final int STATIONS = 9;
    private static final Set<String> NOTIFICATIONS = Set.of("Heartbeat", "MeterValues", "StatusNotification");

    private final Platform platform = Platform.get();
    private final Fleet fleet = Fleet.connectingTo(platform.stationUrl(Platform.GATEWAY_A));
    private final ScheduledExecutorService load = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void restoreThePlatform() {
        load.shutdownNow();
        fleet.close();
        if (!platform.kafka().isRunning()) {
            platform.kafka().startBroker();
        }
        platform.awaitAllReady();
    }

    @Test
    void nothingAcknowledgedToAStationIsLostWhileTheBrokerIsDown() throws Exception {
        List<SimulatedStation> stations = new ArrayList<>();
        OcppVersion[] versions = OcppVersion.values();
        for (int i = 0; i < STATIONS; i++) {
            String id = TestStations.id("OUTAGE");
            String password = TestStations.password();
            platform.devices().register(id, password, 1);
            stations.add(fleet.add(StationConfig.builder(id, versions[i % versions.length])
                    .password(password)
                    .behaviour(TestStations.behaviour().build())
                    .recordTraffic(true)
                    .build()));
        }
        stations.forEach(SimulatedStation::start);
        await().atMost(Duration.ofSeconds(90)).until(() -> stations.stream()
                .allMatch(station -> station.bootState() == BootState.ACCEPTED));

        // the load: a heartbeat per second (the interval device-service gives) and a meter reading per second,
        // the next reading only once the last one is answered (as a station's meter does not pile them up)
        Map<String, CompletableFuture<?>> lastReading = new ConcurrentHashMap<>();
        load.scheduleAtFixedRate(() -> stations.forEach(station -> lastReading.compute(station.id(),
                        (id, last) -> last != null && !last.isDone() ? last
                                : station.call("MeterValues", meterValues(station.version())))),
                0, 1, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> stations.stream()
                .allMatch(station -> !StationTraffic.of(station).acknowledged("MeterValues").isEmpty()));

        Duration outage = platform.settings().kafkaOutage();
        platform.kafka().stopBroker();
        Instant stopped = Instant.now();
        CompletableFuture<Instant> restarted = CompletableFuture.supplyAsync(() -> {
            platform.kafka().startBroker();
            return Instant.now();
        }, CompletableFuture.delayedExecutor(outage.toMillis(), TimeUnit.MILLISECONDS));

        // stations are told the truth: the gateway cannot store their messages, so they get CALLERRORs
        // (once the producer's delivery timeout, 15 s, has passed)
        await().atMost(outage.plusSeconds(30)).until(() -> stations.stream()
                .flatMap(station -> StationTraffic.of(station).errors().stream())
                .anyMatch(call -> call.sentAt().isAfter(stopped)));
        Instant back = restarted.get(outage.toSeconds() + 120, TimeUnit.SECONDS);

        // after recovery every station is answered again
        await().atMost(Duration.ofSeconds(90)).until(() -> stations.stream().allMatch(station ->
                StationTraffic.of(station).acknowledged().stream().anyMatch(call -> call.sentAt().isAfter(back))));
        load.shutdownNow();

        // everything acknowledged to a station is on ocpp.inbound
        List<String> acknowledged = stations.stream()
                .flatMap(station -> StationTraffic.of(station).acknowledged().stream()
                        .map(call -> key(station.id(), call.messageId())))
                .toList();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Set<String> stored = platform.inbound().data(StationCall.class)
                    .map(call -> key(call.stationId(), call.messageId()))
                    .collect(Collectors.toSet());
            assertThat(acknowledged).allSatisfy(key -> assertThat(stored).as("acknowledged, so stored").contains(key));
        });

        List<StationTraffic.Call> errors = stations.stream()
                .flatMap(station -> StationTraffic.of(station).errors().stream()).toList();
        assertThat(errors).isNotEmpty().allSatisfy(call -> {
            assertThat(call.errorCode()).contains("InternalError");
            // only while the broker is down (and the producer reconnects)
            assertThat(call.sentAt()).isAfter(stopped.minusSeconds(5)).isBefore(back.plusSeconds(15));
        });
        assertThat(acknowledged.stream().map(key -> key.substring(0, key.indexOf('|'))).distinct())
                .hasSize(STATIONS);
        long notifications = stations.stream().flatMap(station -> StationTraffic.of(station).acknowledged().stream())
                .filter(call -> NOTIFICATIONS.contains(call.action())).count();
        assertThat(notifications).isGreaterThan(STATIONS * 2L);

        // and the platform decides again: a new station's boot crosses Kafka to device-service and back
        String latecomer = TestStations.id("OUTAGE-AFTER");
        String password = TestStations.password();
        platform.devices().register(latecomer, password, null);
        SimulatedStation late = fleet.add(StationConfig.builder(latecomer, OcppVersion.V2_0_1)
                .password(password).behaviour(TestStations.behaviour().build()).build());
        late.start();
        await().atMost(Duration.ofSeconds(60)).until(late::bootState, state -> state == BootState.ACCEPTED);
    }

    private static String key(String stationId, String messageId) {
        return stationId + "|" + messageId;
    }

    private static ObjectNode meterValues(OcppVersion version) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        ObjectNode sample = json.objectNode();
        ObjectNode meterValue = json.objectNode().put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        meterValue.putArray("sampledValue").add(sample);
        ObjectNode payload = json.objectNode();
        if (version == OcppVersion.V1_6) {
            sample.put("value", String.valueOf(System.currentTimeMillis() % 100_000));
            payload.put("connectorId", 1);
        } else {
            sample.put("value", System.currentTimeMillis() % 100_000);
            payload.put("evseId", 1);
        }
        payload.putArray("meterValue").add(meterValue);
        return payload;
    }
}
