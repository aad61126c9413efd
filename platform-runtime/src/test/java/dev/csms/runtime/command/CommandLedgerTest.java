package dev.csms.runtime.command;

import static dev.csms.runtime.command.CommandFixtures.answered;
import static dev.csms.runtime.command.CommandFixtures.callError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.Command;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.canonical.ResetType;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.presence.PresenceView;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.problem.ProblemTypes;
import dev.csms.localstack.testing.TopicProbe;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The durable command ledger on the real PostgreSQL and Kafka of the local stack; the test plays the gateway. */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "runtime"))
class CommandLedgerTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);
    private static final StationCommand RESET = new StationCommand.Reset(ResetType.Immediate, null);

    @Inject
    CommandLedger ledger;

    @Inject
    CommandConfig config;

    @Inject
    RecordingListener listener;

    @Inject
    PresenceView presence;

    @Inject
    Topics topics;

    @Inject
    Pool pool;

    private final EventCodec codec = new EventCodec();
    private TopicProbe outbound;
    private CommandFixtures gateway;

    @BeforeEach
    void open() {
        outbound = new TopicProbe(topics.outbound());
        gateway = new CommandFixtures(topics, presence);
    }

    @AfterEach
    void close() {
        outbound.close();
        gateway.close();
    }

    @Test
    void submitRecordsTheCommandAndPublishesItThroughTheOutbox() throws Exception {
        String station = gateway.connectedStation();
        Instant before = Instant.now();

        CommandRecord submitted = run(() -> ledger.submitNow(new CommandRequest(station, RESET, "reset", "ticket-7",
                "alice", Duration.ofSeconds(30))));

        assertThat(submitted.status()).isEqualTo(CommandStatus.Pending);
        assertThat(submitted.action()).isEqualTo("Reset");
        assertThat(submitted.request().get("type").asText()).isEqualTo("Reset");
        assertThat(submitted.command()).isEqualTo(RESET);
        assertThat(submitted.deadline()).isBetween(before.plusSeconds(29), Instant.now().plusSeconds(30));
        assertThat(run(() -> ledger.find(submitted.commandId()))).contains(submitted);
        assertThat(run(() -> ledger.byReference("reset", "ticket-7"))).containsExactly(submitted);

        ConsumerRecord<String, byte[]> record = outbound.awaitAll(r -> station.equals(r.key()), 1, ARRIVAL).get(0);
        EventEnvelope<Command> command = codec.fromRecord(record, EventTypes.COMMAND);
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo(EventTypes.COMMAND.type());
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(station);
        assertThat(command.source()).startsWith("/csms/" + config.origin() + "/");
        assertThat(command.data().commandId()).isEqualTo(submitted.commandId());
        assertThat(command.data().stationId()).isEqualTo(station);
        assertThat(command.data().command()).isEqualTo(RESET);
        assertThat(command.data().origin()).isEqualTo(config.origin());
        assertThat(command.data().deadline()).isEqualTo(submitted.deadline());
        assertThat(command.data().issuedAt()).isEqualTo(submitted.createdAt());
    }

    @Test
    void aRolledBackTransactionRecordsAndSendsNothing() throws Exception {
        String station = gateway.connectedStation();
        AtomicReference<String> rolledBack = new AtomicReference<>();

        Throwable failure = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> ledger.submit(CommandRequest.of(station, RESET, "reset", "alice"))
                        .invoke(r -> rolledBack.set(r.commandId()))
                        .chain(() -> Uni.createFrom().failure(new IllegalStateException("business rule violated"))))));

        assertThat(failure).hasMessage("business rule violated");
        assertThat(rolledBack.get()).isNotNull();
        assertThat(run(() -> ledger.find(rolledBack.get()))).isEmpty();
        // a later committed command of the same station (same partition) arrives, and nothing before it
        CommandRecord marker = run(() -> ledger.submitNow(CommandRequest.of(station, new StationCommand.ClearCache(),
                "clear-cache", "alice")));
        List<ConsumerRecord<String, byte[]>> received = outbound.awaitAll(r -> station.equals(r.key()), 1, ARRIVAL);
        assertThat(received).hasSize(1);
        assertThat(codec.fromRecord(received.get(0), EventTypes.COMMAND).data().commandId())
                .isEqualTo(marker.commandId());
        assertThat(count("select count(*) from csms_command where station_id = $1", station)).isEqualTo(1);
    }

    @Test
    void submitOutsideATransactionIsRefused() {
        Throwable failure = catchThrowable(() -> VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                () -> ledger.submit(CommandRequest.of(CommandFixtures.station(), RESET, "reset", "alice")))));

        assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining("inside a reactive transaction");
    }

    @Test
    void anOfflineStationIsRefusedWith409AndNothingIsRecorded() {
        String station = CommandFixtures.station();

        Throwable failure = catchThrowable(() -> run(() -> ledger.submitNow(CommandRequest.of(station, RESET, "reset",
                "alice"))));

        assertThat(failure).isInstanceOf(ProblemException.class);
        ProblemException problem = (ProblemException) failure;
        assertThat(problem.status()).isEqualTo(409);
        assertThat(problem.type()).isEqualTo(ProblemTypes.STATION_OFFLINE);
        assertThat(problem.detail()).contains(station);
        assertThat(count("select count(*) from csms_command where station_id = $1", station)).isZero();
    }

    @Test
    void aResultCompletesTheCommandOnceAndCallsTheListenerOnce() throws Exception {
        String station = gateway.connectedStation();
        CommandRecord submitted = run(() -> ledger.submitNow(CommandRequest.of(station, RESET, "reset", "alice")));

        Optional<CommandRecord> first = run(() -> ledger.onResult(answered(submitted.commandId(), station, true)));
        Optional<CommandRecord> redelivered = run(() -> ledger.onResult(answered(submitted.commandId(), station, false)));

        assertThat(first).isPresent();
        CommandRecord completed = first.get();
        assertThat(completed.status()).isEqualTo(CommandStatus.Answered);
        assertThat(completed.accepted()).isTrue();
        assertThat(completed.response().get("rawResponse").get("status").asText()).isEqualTo("Accepted");
        assertThat(completed.completedAt()).isEqualTo(Instant.parse("2026-03-01T10:00:00.123456Z"));
        assertThat(completed.createdAt()).isEqualTo(submitted.createdAt());
        assertThat(redelivered).isEmpty();
        assertThat(run(() -> ledger.find(submitted.commandId()))).contains(completed);
        assertThat(listener.completionsOf(submitted.commandId())).containsExactly(completed);
    }

    @Test
    void aCallErrorRecordsTheStationsErrorCodeAndDescription() throws Exception {
        String station = gateway.connectedStation();
        CommandRecord submitted = run(() -> ledger.submitNow(CommandRequest.of(station, RESET, "reset", "alice")));

        CommandRecord completed = run(() -> ledger.onResult(callError(submitted.commandId(), station))).orElseThrow();

        assertThat(completed.status()).isEqualTo(CommandStatus.CallError);
        assertThat(completed.errorCode()).isEqualTo("NotImplemented");
        assertThat(completed.errorDescription()).isEqualTo("no reset here");
        assertThat(completed.response()).isNull();
        assertThat(completed.accepted()).isFalse();
    }

    @Test
    void aResultOfAnotherServicesCommandIsIgnored() throws Exception {
        String unknown = "not-ours-" + CommandFixtures.station();

        assertThat(run(() -> ledger.onResult(answered(unknown, "CS-elsewhere", true)))).isEmpty();
        assertThat(listener.completionsOf(unknown)).isEmpty();
    }

    @Test
    void aFailingListenerRollsTheCompletionBack() throws Exception {
        String station = gateway.connectedStation();
        CommandRecord submitted = run(() -> ledger.submitNow(new CommandRequest(station, RESET,
                RecordingListener.FAILING, null, "alice", Duration.ofHours(1))));

        Throwable failure = catchThrowable(() -> run(() -> ledger.onResult(answered(submitted.commandId(), station, true))));

        assertThat(failure).hasMessageContaining("listener refuses");
        assertThat(run(() -> ledger.find(submitted.commandId())).orElseThrow().status()).isEqualTo(CommandStatus.Pending);
    }

    @Test
    void theSweepTimesOutACommandWithoutResult() throws Exception {
        String station = gateway.connectedStation();
        CommandRecord submitted = run(() -> ledger.submitNow(CommandRequest.of(station, RESET, "reset", "alice")
                .withTimeout(Duration.ofMillis(100))));

        // the leader's timer (csms.commands.sweep-interval=200ms here) acts after deadline + result-grace (1s)
        await().atMost(ARRIVAL).until(() -> run(() -> ledger.find(submitted.commandId())).orElseThrow().status()
                == CommandStatus.Timeout);

        CommandRecord timedOut = run(() -> ledger.find(submitted.commandId())).orElseThrow();
        assertThat(timedOut.errorDescription()).isEqualTo("no result received");
        assertThat(timedOut.completedAt()).isAfterOrEqualTo(submitted.deadline().plus(config.resultGrace()));
        assertThat(listener.completionsOf(submitted.commandId())).containsExactly(timedOut);
        // a result that arrives after all changes nothing
        assertThat(run(() -> ledger.onResult(answered(submitted.commandId(), station, true)))).isEmpty();
    }

    @Test
    void forStationListsNewestFirstUpToTheLimit() throws Exception {
        String station = gateway.connectedStation();
        CommandRecord first = run(() -> ledger.submitNow(CommandRequest.of(station, RESET, "reset", "alice")));
        CommandRecord second = run(() -> ledger.submitNow(CommandRequest.of(station, new StationCommand.ClearCache(),
                "clear-cache", "alice")));
        CommandRecord third = run(() -> ledger.submitNow(new CommandRequest(station,
                new StationCommand.RawCommand("GetConfiguration", JsonNodeFactory.instance.objectNode()), "configuration", null, null, null)));

        assertThat(run(() -> ledger.forStation(station, 10))).containsExactly(third, second, first);
        assertThat(run(() -> ledger.forStation(station, 2))).containsExactly(third, second);
        assertThat(third.action()).isEqualTo("GetConfiguration");
        assertThat(third.deadline()).isEqualTo(third.createdAt().plus(config.defaultTimeout()));
    }

    /** Runs the work on a Vert.x context, as a REST call or a consumer would, and waits for its item. */
    private static <T> T run(Supplier<Uni<T>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private long count(String sql, String key) {
        return pool.preparedQuery(sql).execute(Tuple.of(key)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
