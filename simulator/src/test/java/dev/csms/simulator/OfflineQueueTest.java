package dev.csms.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.CallError;
import dev.csms.ocpp.rpc.CallResult;
import dev.csms.ocpp.rpc.RpcErrorCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OfflineQueueTest extends SimulatorTestSupport {

    private static final Duration METER = Duration.ofSeconds(60);

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void transactionMessagesWaitWhileDisconnectedAndGoOutInOrderAfterReconnecting(OcppVersion version)
            throws Exception {
        SimulatedStation station = started("OFF-" + version.label(), version);
        String id = station.id();
        SessionView session = station.startSession(1, "TAG-1").get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        tick(METER);
        int online = transactionMessages(id, version).size();

        csms.refuseConnections(true);
        csms.disconnect(id);
        await().atMost(DEADLINE).until(() -> station.connectionState() != ConnectionState.CONNECTED);
        for (int i = 0; i < 3; i++) {
            tick(METER);
        }
        station.stopSession(1).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(transactionMessages(id, version)).hasSize(online);
        assertThat(station.pendingCalls().get()).isEqualTo(4);
        assertThat(simulator.stats().snapshot().connectFailures()).containsKey("HTTP 503");

        csms.refuseConnections(false);
        tick(Duration.ofSeconds(160));
        awaitAccepted(station);
        await().atMost(DEADLINE).until(() -> transactionMessages(id, version).size() == online + 4);
        List<TestCsms.Received> queued = transactionMessages(id, version).subList(online, online + 4);

        // the station boots before it sends what it kept
        List<TestCsms.Received> all = csms.calls(id);
        assertThat(all.indexOf(csms.calls(id, "BootNotification").get(1))).isLessThan(all.indexOf(queued.get(0)));
        List<Instant> times = queued.stream().map(q -> Instant.parse(version.isTwoX()
                ? q.payload().path("timestamp").asText()
                : q.action().equals("StopTransaction") ? q.payload().path("timestamp").asText()
                : q.payload().path("meterValue").path(0).path("timestamp").asText())).toList();
        assertThat(times).isSorted();
        assertThat(times.get(0)).isEqualTo(T0.plus(METER.multipliedBy(2)));
        if (version.isTwoX()) {
            List<TestCsms.Received> events = transactionMessages(id, version);
            assertThat(events).extracting(e -> e.payload().path("seqNo").asInt())
                    .containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(queued).extracting(e -> e.payload().path("offline").asBoolean()).containsOnly(true);
            assertThat(queued.get(3).payload().path("eventType").asText()).isEqualTo("Ended");
        } else {
            assertThat(queued).extracting(TestCsms.Received::action)
                    .containsExactly("MeterValues", "MeterValues", "MeterValues", "StopTransaction");
            assertThat(queued).extracting(q -> q.payload().path("transactionId").asText())
                    .containsOnly(session.transactionId());
        }
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void aSessionStartedOffLineGetsItsTransactionAfterReconnecting(OcppVersion version) throws Exception {
        SimulatedStation station = started("OFFSTART-" + version.label(), version);
        String id = station.id();
        station.goOffline().get();
        CompletableFuture<SessionView> start = station.startSession(1, "TAG-2");
        tick(METER);
        station.stopSession(1).get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(start).isNotDone();
        assertThat(transactionMessages(id, version)).isEmpty();

        station.goOnline().get();
        SessionView started = start.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        await().atMost(DEADLINE).until(() -> transactionMessages(id, version).size() == 3);
        List<TestCsms.Received> messages = transactionMessages(id, version);
        if (version.isTwoX()) {
            assertThat(messages).extracting(m -> m.payload().path("eventType").asText())
                    .containsExactly("Started", "Updated", "Ended");
            assertThat(messages).extracting(m -> m.payload().path("offline").asBoolean()).containsOnly(true);
        } else {
            // the CSMS gives the id in its StartTransaction answer; what was queued after it carries that id
            assertThat(messages).extracting(TestCsms.Received::action)
                    .containsExactly("StartTransaction", "MeterValues", "StopTransaction");
            assertThat(messages.get(1).payload().path("transactionId").asText()).isEqualTo(started.transactionId());
            assertThat(messages.get(2).payload().path("transactionId").asText()).isEqualTo(started.transactionId());
        }
        assertNoViolations();
    }

    @ParameterizedTest
    @EnumSource(OcppVersion.class)
    void aTransactionMessageTheCsmsFailsIsRetriedAfterTheRetryInterval(OcppVersion version) throws Exception {
        String action = version.isTwoX() ? "TransactionEvent" : "StartTransaction";
        AtomicInteger failures = new AtomicInteger();
        csms.respond(action, (stationId, call) -> {
            if (failures.getAndIncrement() < 2) {
                return CallError.of(version, call.messageId(), RpcErrorCode.INTERNAL_ERROR, "Kafka is down", null);
            }
            var answer = json();
            answer.putObject(version.isTwoX() ? "idTokenInfo" : "idTagInfo").put("status", "Accepted");
            if (!version.isTwoX()) {
                answer.put("transactionId", 77);
            }
            return new CallResult(call.messageId(), answer);
        });
        SimulatedStation station = station(StationConfig.builder("RETRY-" + version.label(), version)
                .behaviour(behaviour().meterValueInterval(Duration.ofHours(1)).build()).build());
        station.start();
        awaitAccepted(station);
        CompletableFuture<SessionView> start = station.startSession(1, "TAG-3");
        awaitCalls(station.id(), action, 1);
        // TransactionMessageRetryInterval 30 s, times the attempt: 30 s, then 60 s
        tick(Duration.ofSeconds(29));
        assertThat(csms.calls(station.id(), action)).hasSize(1);
        tick(Duration.ofSeconds(1));
        awaitCalls(station.id(), action, 2);
        tick(Duration.ofSeconds(60));
        List<TestCsms.Received> attempts = awaitCalls(station.id(), action, 3);
        assertThat(attempts).extracting(a -> a.message().messageId()).doesNotHaveDuplicates();
        assertThat(attempts).extracting(TestCsms.Received::payload).containsOnly(attempts.get(0).payload());
        assertThat(start.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).transactionId()).isNotNull();
        assertThat(simulator.stats().snapshot().errorsReceived()).containsEntry("InternalError", 2L);
        assertNoViolations();
    }

    private List<TestCsms.Received> transactionMessages(String id, OcppVersion version) {
        return csms.calls(id).stream()
                .filter(c -> version.isTwoX() ? c.action().equals("TransactionEvent")
                        : List.of("StartTransaction", "MeterValues", "StopTransaction").contains(c.action()))
                .toList();
    }
}
