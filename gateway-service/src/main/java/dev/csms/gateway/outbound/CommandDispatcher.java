package dev.csms.gateway.outbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.events.EventTypes;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.Command;
import dev.csms.events.ocpp.CommandOutcome;
import dev.csms.events.ocpp.CommandResult;
import dev.csms.gateway.inbound.InboundPipeline;
import dev.csms.gateway.kafka.EventPublisher;
import dev.csms.gateway.kafka.GatewayEvents;
import dev.csms.gateway.metrics.GatewayMetrics;
import dev.csms.gateway.metrics.GatewayMetrics.Direction;
import dev.csms.gateway.ocpp.OcppSupport;
import dev.csms.gateway.ws.PendingCommand;
import dev.csms.gateway.ws.StationConnection;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.adapter.OcppMappingException;
import dev.csms.ocpp.adapter.OcppRequest;
import dev.csms.ocpp.adapter.UnsupportedCommandException;
import dev.csms.ocpp.canonical.CommandResponse;
import dev.csms.ocpp.rpc.Call;
import dev.csms.ocpp.rpc.CallError;
import dev.csms.ocpp.rpc.CallResult;
import dev.csms.ocpp.schema.MessageKind;
import dev.csms.ocpp.schema.ValidationResult;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.UUID;

/**
 * Delivers commands to the stations of this replica: one outstanding CALL per station, a bounded queue behind it,
 * and exactly one {@link CommandResult} per accepted command, published on {@code ocpp.inbound} with the Command's
 * event id as correlation id. Everything runs on the connection's context.
 *
 * <table>
 *   <caption>Outcomes decided here</caption>
 *   <tr><th>outcome</th><th>when</th></tr>
 *   <tr><td>Answered</td><td>the station's CALLRESULT, valid against the response schema</td></tr>
 *   <tr><td>CallError</td><td>the station's CALLERROR</td></tr>
 *   <tr><td>Timeout</td><td>the deadline passed while queued or unanswered, or the connection closed after the
 *       CALL was sent (the station may have executed it)</td></tr>
 *   <tr><td>QueueFull</td><td>the station's queue was full</td></tr>
 *   <tr><td>ValidationFailed</td><td>the request is not valid for the station's version (never sent), or the
 *       station's response is not valid</td></tr>
 *   <tr><td>Unsupported</td><td>the version has no equivalent of the command (never sent)</td></tr>
 *   <tr><td>StationOffline</td><td>the connection closed before the command was sent (StationOffline for stations
 *       no replica holds is the {@link OfflineCommandJudge}'s)</td></tr>
 * </table>
 */
public final class CommandDispatcher implements InboundPipeline.Results {

    private static final Logger LOG = Logger.getLogger(CommandDispatcher.class);

    private final OcppSupport ocpp;
    private final EventPublisher publisher;
    private final GatewayEvents events;
    private final GatewayMetrics metrics;
    private final int queueSize;

    public CommandDispatcher(OcppSupport ocpp, EventPublisher publisher, GatewayEvents events,
            GatewayMetrics metrics, int queueSize) {
        this.ocpp = ocpp;
        this.publisher = publisher;
        this.events = events;
        this.metrics = metrics;
        this.queueSize = queueSize;
    }

    /** A command for this connection's station. On-context. */
    public void accept(StationConnection connection, EventEnvelope<Command> envelope) {
        Command command = envelope.data();
        OcppVersion version = connection.version();
        if (connection.isClosed()) {
            publish(connection.stationId(), envelope.id(), command, CommandOutcome.StationOffline, null, version,
                    null, null, null, "the connection closed before the command was sent");
            return;
        }
        Instant now = events.clock().instant();
        if (!command.deadline().isAfter(now)) {
            publish(connection.stationId(), envelope.id(), command, CommandOutcome.Timeout, null, version, null, null,
                    null, "the deadline had passed when the command reached the gateway");
            return;
        }
        OcppRequest request;
        try {
            request = ocpp.adapter(version).toRequest(command.command());
        } catch (UnsupportedCommandException e) {
            publish(connection.stationId(), envelope.id(), command, CommandOutcome.Unsupported, null, version, null,
                    null, null, e.getMessage());
            return;
        } catch (OcppMappingException e) {
            publish(connection.stationId(), envelope.id(), command, CommandOutcome.ValidationFailed, null, version,
                    null, null, null, e.getMessage());
            return;
        }
        ValidationResult validation = ocpp.validate(version, request.action(), MessageKind.REQUEST,
                request.payload());
        boolean sentByCsms = ocpp.actions().find(version, request.action()).map(a -> a.isSentByCsms())
                .orElse(false);
        if (!validation.isValid() || !sentByCsms || !(request.payload() instanceof ObjectNode payload)) {
            String detail = !sentByCsms ? request.action() + " is not a command of OCPP " + version.label()
                    : validation.toString();
            publish(connection.stationId(), envelope.id(), command, CommandOutcome.ValidationFailed,
                    request.action(), version, null, null, null, detail);
            return;
        }
        long deadlineNanos = System.nanoTime() + Duration.between(now, command.deadline()).toNanos();
        PendingCommand pending = new PendingCommand(envelope.id(), command, request.action(), payload,
                deadlineNanos);
        if (connection.outstanding() == null) {
            send(connection, pending);
        } else if (connection.queuedCount() >= queueSize) {
            publish(connection.stationId(), envelope.id(), command, CommandOutcome.QueueFull, request.action(),
                    version, null, null, null, queueSize + " commands are already waiting for this station");
        } else {
            connection.queue().add(pending);
            connection.dueBy(deadlineNanos);
            metrics.queuedCommands().incrementAndGet();
        }
    }

    @Override
    public void onResult(StationConnection connection, CallResult result) {
        PendingCommand pending = matchOutstanding(connection, result.messageId(), "CALLRESULT");
        if (pending == null) {
            return;
        }
        OcppVersion version = connection.version();
        ValidationResult validation = ocpp.validate(version, pending.action(), MessageKind.RESPONSE,
                result.payload());
        if (!validation.isValid()) {
            metrics.message(pending.action(), Direction.out, "invalid_response");
            complete(connection, pending, CommandOutcome.ValidationFailed, null, result.payload(), null,
                    "the station's response is invalid: " + validation);
        } else {
            CommandResponse response;
            try {
                response = ocpp.adapter(version).toCommandResponse(pending.action(), result.payload());
            } catch (OcppMappingException e) {
                complete(connection, pending, CommandOutcome.ValidationFailed, null, result.payload(), null,
                        "the station's response cannot be read: " + e.getMessage());
                sendNext(connection);
                return;
            }
            metrics.message(pending.action(), Direction.out, "answered");
            complete(connection, pending, CommandOutcome.Answered, response, result.payload(), null, null);
        }
        sendNext(connection);
    }

    @Override
    public void onError(StationConnection connection, CallError error) {
        PendingCommand pending = matchOutstanding(connection, error.messageId(), "CALLERROR");
        if (pending == null) {
            return;
        }
        metrics.message(pending.action(), Direction.out, "callerror");
        complete(connection, pending, CommandOutcome.CallError, null, error.errorDetails(),
                new dev.csms.events.ocpp.CallError(error.errorCode(), error.errorDescription(), error.errorDetails()),
                null);
        sendNext(connection);
    }

    /**
     * Ends commands past their deadline. On-context.
     *
     * @return the earliest deadline still pending, or {@link Long#MAX_VALUE}
     */
    public long expire(StationConnection connection, long nowNanos) {
        PendingCommand outstanding = connection.outstanding();
        if (outstanding != null && nowNanos - outstanding.deadlineNanos() >= 0) {
            connection.setOutstanding(null, null);
            metrics.queuedCommands().decrementAndGet();
            metrics.message(outstanding.action(), Direction.out, "timeout");
            complete(connection, outstanding, CommandOutcome.Timeout, null, null, null,
                    "the station did not answer before the deadline");
            sendNext(connection);
        }
        long next = connection.outstanding() == null ? Long.MAX_VALUE : connection.outstanding().deadlineNanos();
        if (connection.queuedCount() > 0) {
            Iterator<PendingCommand> queued = connection.queue().iterator();
            while (queued.hasNext()) {
                PendingCommand pending = queued.next();
                if (nowNanos - pending.deadlineNanos() >= 0) {
                    queued.remove();
                    metrics.queuedCommands().decrementAndGet();
                    complete(connection, pending, CommandOutcome.Timeout, null, null, null,
                            "the deadline passed while the command waited behind others");
                } else if (next == Long.MAX_VALUE || pending.deadlineNanos() - next < 0) {
                    next = pending.deadlineNanos();
                }
            }
            connection.trimQueue();
        }
        return next;
    }

    /** The connection is over: every command it still has ends now. On-context. */
    public void onClosed(StationConnection connection) {
        PendingCommand outstanding = connection.outstanding();
        if (outstanding != null) {
            connection.setOutstanding(null, null);
            metrics.queuedCommands().decrementAndGet();
            complete(connection, outstanding, CommandOutcome.Timeout, null, null, null,
                    "the connection closed before the station answered; it may have executed the command");
        }
        if (connection.queuedCount() > 0) {
            ArrayDeque<PendingCommand> queue = connection.queue();
            while (!queue.isEmpty()) {
                PendingCommand pending = queue.poll();
                metrics.queuedCommands().decrementAndGet();
                complete(connection, pending, CommandOutcome.StationOffline, null, null, null,
                        "the connection closed before the command was sent");
            }
            connection.trimQueue();
        }
    }

    private PendingCommand matchOutstanding(StationConnection connection, String messageId, String type) {
        PendingCommand pending = connection.outstanding();
        if (pending == null || !messageId.equals(connection.outstandingMessageId())) {
            metrics.unmatchedResult(type);
            LOG.debugf("%s sent a %s for %s, which matches no outstanding CALL: dropped", connection.stationId(),
                    type, messageId);
            return null;
        }
        connection.setOutstanding(null, null);
        metrics.queuedCommands().decrementAndGet();
        return pending;
    }

    private void send(StationConnection connection, PendingCommand pending) {
        String messageId = UUID.randomUUID().toString();
        connection.setOutstanding(pending, messageId);
        metrics.queuedCommands().incrementAndGet();
        metrics.message(pending.action(), Direction.out, "sent");
        connection.send(ocpp.frame(connection.version(), new Call(messageId, pending.action(), pending.payload())));
    }

    private void sendNext(StationConnection connection) {
        long now = System.nanoTime();
        while (connection.outstanding() == null && connection.queuedCount() > 0) {
            PendingCommand next = connection.queue().poll();
            metrics.queuedCommands().decrementAndGet();
            if (now - next.deadlineNanos() >= 0) {
                complete(connection, next, CommandOutcome.Timeout, null, null, null,
                        "the deadline passed while the command waited behind others");
            } else {
                send(connection, next);
            }
        }
        connection.trimQueue();
    }

    private void complete(StationConnection connection, PendingCommand pending, CommandOutcome outcome,
            CommandResponse response, JsonNode rawPayload, dev.csms.events.ocpp.CallError error, String detail) {
        publish(connection.stationId(), pending.commandEventId(), pending.command(), outcome, pending.action(),
                connection.version(), response, rawPayload, error, detail);
    }

    /** Publishes the one result of a command. */
    void publish(String stationId, String commandEventId, Command command, CommandOutcome outcome, String action,
            OcppVersion version, CommandResponse response, JsonNode rawPayload, dev.csms.events.ocpp.CallError error,
            String detail) {
        CommandResult result = new CommandResult(command.commandId(), stationId, outcome, action, version, response,
                rawPayload, error, detail, events.clock().instant());
        metrics.commandResult(outcome);
        publisher.publish(events.topics().inbound(), events.envelope(EventTypes.COMMAND_RESULT, stationId, result,
                version, action, commandEventId)).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        LOG.errorf("The %s result of command %s for %s was not published: %s", outcome,
                                command.commandId(), stationId, failure.toString());
                    }
                });
    }
}
