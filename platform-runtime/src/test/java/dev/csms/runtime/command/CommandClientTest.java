package dev.csms.runtime.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.Command;
import dev.csms.events.ocpp.CommandOutcome;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.localstack.LocalStackTestResource;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CommandResponse;
import dev.csms.ocpp.canonical.ResetType;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.testing.LocalStackKafka;
import dev.csms.localstack.testing.TopicProbe;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command client against real Kafka; the test plays the gateway (reads the command, publishes the result). */
@QuarkusTest
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = LocalStackTestResource.DATABASE, value = "runtime"))
class CommandClientTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(20);

    @Inject
    CommandClient client;

    @Inject
    CommandConfig config;

    @Inject
    Topics topics;

    private final EventCodec codec = new EventCodec();
    private TopicProbe outbound;
    private KafkaProducer<String, byte[]> gateway;

    @BeforeEach
    void openGateway() {
        outbound = new TopicProbe(topics.outbound());
        gateway = LocalStackKafka.producer();
    }

    @AfterEach
    void closeGateway() {
        outbound.close();
        gateway.close(Duration.ofSeconds(5));
    }

    @Test
    void aCommandIsPublishedAndCompletesWithItsResult() throws Exception {
        String station = "CS-" + UUID.randomUUID();
        Instant before = Instant.now();

        CompletableFuture<CommandResult> sent = client
                .send(station, new StationCommand.Reset(ResetType.Immediate, null), Duration.ofSeconds(30))
                .subscribeAsCompletionStage();

        ConsumerRecord<String, byte[]> record = outbound.awaitAll(r -> station.equals(r.key()), 1, ARRIVAL).get(0);
        EventEnvelope<Command> command = codec.fromRecord(record, EventTypes.COMMAND);
        assertThat(command.subject()).isEqualTo(station);
        assertThat(command.data().stationId()).isEqualTo(station);
        assertThat(command.data().command()).isEqualTo(new StationCommand.Reset(ResetType.Immediate, null));
        assertThat(command.data().origin()).isEqualTo(config.origin());
        assertThat(command.data().deadline()).isBetween(before.plusSeconds(30), Instant.now().plusSeconds(30));
        // another command's result first: it must not complete this one
        answer(command, "some-other-command", CommandOutcome.Timeout);
        CommandResult result = answer(command, command.data().commandId(), CommandOutcome.Answered);

        assertThat(sent.get(ARRIVAL.toSeconds(), TimeUnit.SECONDS)).isEqualTo(result);
    }

    @Test
    void anOfflineStationIsAResultNotAnError() throws Exception {
        String station = "CS-" + UUID.randomUUID();

        CompletableFuture<CommandResult> sent = client.send(station, new StationCommand.ClearCache(), Duration.ofSeconds(30))
                .subscribeAsCompletionStage();
        EventEnvelope<Command> command = codec.fromRecord(
                outbound.awaitAll(r -> station.equals(r.key()), 1, ARRIVAL).get(0), EventTypes.COMMAND);
        answer(command, command.data().commandId(), CommandOutcome.StationOffline);

        assertThat(sent.get(ARRIVAL.toSeconds(), TimeUnit.SECONDS).outcome()).isEqualTo(CommandOutcome.StationOffline);
    }

    @Test
    void noResultFailsWithATimeoutAfterDeadlineAndGrace() {
        String station = "CS-" + UUID.randomUUID();
        Duration deadline = Duration.ofMillis(300);
        // the probe must be positioned before the command leaves, or it starts reading after it
        outbound.poll(r -> false);
        long started = System.nanoTime();

        Throwable failure = catchThrowable(() -> client.send(station, new StationCommand.ClearCache(), deadline)
                .subscribeAsCompletionStage().get(ARRIVAL.toSeconds(), TimeUnit.SECONDS));

        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        assertThat(failure).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(CommandTimeoutException.class).hasMessageContaining(station);
        assertThat(waited).isGreaterThanOrEqualTo(deadline.plus(config.resultGrace()));
        // a loaded machine may deliver the record to the probe later than the timeout fired: wait for it
        assertThat(outbound.awaitAll(r -> station.equals(r.key()), 1, ARRIVAL)).hasSize(1);
    }

    @Test
    void theResultIsEmittedOnTheCallersVertxContext() throws Throwable {
        String station = "CS-" + UUID.randomUUID();
        CompletableFuture<Void> gatewayPart = CompletableFuture.runAsync(() -> {
            try (TopicProbe probe = new TopicProbe(topics.outbound())) {
                EventEnvelope<Command> command = codec.fromRecord(
                        probe.awaitAll(r -> station.equals(r.key()), 1, ARRIVAL).get(0), EventTypes.COMMAND);
                answer(command, command.data().commandId(), CommandOutcome.Answered);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the gateway's probe must be positioned before the command leaves
        outbound.poll(r -> false);

        Boolean onContext = VertxContextSupport.subscribeAndAwait(() -> client
                .send(station, new StationCommand.ClearCache(), Duration.ofSeconds(30))
                .map(result -> Vertx.currentContext() != null));

        assertThat(onContext).isTrue();
        gatewayPart.get(ARRIVAL.toSeconds(), TimeUnit.SECONDS);
    }

    private CommandResult answer(EventEnvelope<Command> command, String commandId, CommandOutcome outcome)
            throws Exception {
        String station = command.subject();
        var raw = JsonNodeFactory.instance.objectNode().put("status", "Accepted");
        CommandResult result = new CommandResult(commandId, station, outcome,
                outcome == CommandOutcome.StationOffline ? null : "Reset",
                outcome == CommandOutcome.StationOffline ? null : OcppVersion.V2_0_1,
                outcome == CommandOutcome.Answered ? new CommandResponse(true, "Accepted", null, null, null, null, null, raw)
                        : null,
                outcome == CommandOutcome.Answered ? raw : null, null, null, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        EventEnvelope<CommandResult> envelope = EventEnvelope.create(EventTypes.COMMAND_RESULT,
                "/csms/gateway-service/test", station, result, Clock.systemUTC())
                .withExtension(CloudEventHeaders.CORRELATION_ID, command.id());
        gateway.send(codec.toRecord(topics.inbound(), envelope)).get();
        return result;
    }
}
