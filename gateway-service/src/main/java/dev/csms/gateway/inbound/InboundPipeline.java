package dev.csms.gateway.inbound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.events.EventTypes;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.gateway.kafka.EventPublisher;
import dev.csms.gateway.kafka.GatewayEvents;
import dev.csms.gateway.metrics.GatewayMetrics;
import dev.csms.gateway.metrics.GatewayMetrics.Direction;
import dev.csms.gateway.ocpp.OcppSupport;
import dev.csms.gateway.ws.PendingDecision;
import dev.csms.gateway.ws.StationConnection;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.adapter.OcppMappingException;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.StationEvent;
import dev.csms.ocpp.rpc.Call;
import dev.csms.ocpp.rpc.CallResult;
import dev.csms.ocpp.rpc.FrameError;
import dev.csms.ocpp.rpc.RpcErrorCode;
import dev.csms.ocpp.rpc.Send;
import dev.csms.ocpp.schema.MessageKind;
import dev.csms.ocpp.schema.OcppAction;
import dev.csms.ocpp.schema.ValidationResult;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A station's CALLs (and 2.1 SENDs): validate, make canonical, publish a StationCall on {@code ocpp.inbound}, and
 * answer: after Kafka's acknowledgement for notifications, with the service's decision (or the fallback at the
 * deadline) for requests that need one. Runs on the connection's context; Kafka callbacks hop back to it.
 *
 * <table>
 *   <caption>CALLERRORs (code names of 2.x; 1.6 spells two of them differently)</caption>
 *   <tr><th>case</th><th>code</th></tr>
 *   <tr><td>framing faults</td><td>as docs/ocpp-protocol.md section 4 says</td></tr>
 *   <tr><td>action unknown to the version</td><td>NotImplemented</td></tr>
 *   <tr><td>action the CSMS sends, not the station</td><td>NotSupported</td></tr>
 *   <tr><td>payload violates the schema</td><td>the validator's code (docs/ocpp-protocol.md section 5)</td></tr>
 *   <tr><td>schema-valid but not mappable</td><td>PropertyConstraintViolation</td></tr>
 *   <tr><td>over the rate limit, or too many unanswered calls</td><td>GenericError</td></tr>
 *   <tr><td>Kafka did not acknowledge the event</td><td>InternalError (the station retries)</td></tr>
 *   <tr><td>no decision in time</td><td>the fallback ({@link DecisionFallbacks})</td></tr>
 * </table>
 */
public final class InboundPipeline {

    private static final Logger LOG = Logger.getLogger(InboundPipeline.class);
    private static final String UNKNOWN_ACTION = "unknown";

    private final OcppSupport ocpp;
    private final EventPublisher publisher;
    private final GatewayEvents events;
    private final GatewayMetrics metrics;
    private final Results results;
    private final long decisionDeadlineNanos;
    private final int maxInFlight;
    private final double ratePerSecond;
    private final int rateBurst;
    private final int bootFallbackInterval;

    /** Where CALLRESULTs and CALLERRORs of the station go: the command dispatcher. */
    public interface Results {
        void onResult(StationConnection connection, CallResult result);

        void onError(StationConnection connection, dev.csms.ocpp.rpc.CallError error);
    }

    public InboundPipeline(OcppSupport ocpp, EventPublisher publisher, GatewayEvents events, GatewayMetrics metrics,
            Results results, Duration decisionDeadline, int maxInFlight, double ratePerSecond, int rateBurst,
            int bootFallbackInterval) {
        this.ocpp = ocpp;
        this.publisher = publisher;
        this.events = events;
        this.metrics = metrics;
        this.results = results;
        this.decisionDeadlineNanos = decisionDeadline.toNanos();
        this.maxInFlight = maxInFlight;
        this.ratePerSecond = ratePerSecond;
        this.rateBurst = rateBurst;
        this.bootFallbackInterval = bootFallbackInterval;
    }

    /** A text message from the station. */
    public void onText(StationConnection connection, String text) {
        OcppVersion version = connection.version();
        var parsed = ocpp.codec().parse(version, text);
        if (parsed instanceof dev.csms.ocpp.rpc.RpcParseResult.Failed failed) {
            FrameError error = failed.error();
            metrics.message(UNKNOWN_ACTION, Direction.in, "frame_error");
            error.reply().ifPresent(reply -> connection.send(ocpp.frame(version, reply)));
            return;
        }
        var message = ((dev.csms.ocpp.rpc.RpcParseResult.Parsed) parsed).message();
        if (message instanceof Call call) {
            onCall(connection, call);
        } else if (message instanceof Send send) {
            onSend(connection, send);
        } else if (message instanceof CallResult result) {
            results.onResult(connection, result);
        } else if (message instanceof dev.csms.ocpp.rpc.CallError error) {
            results.onError(connection, error);
        } else {
            // a CALLRESULTERROR: the station could not handle one of our CALLRESULTs; nothing to answer
            metrics.message(UNKNOWN_ACTION, Direction.in, "callresulterror");
            LOG.debugf("%s sent a CALLRESULTERROR: %s", connection.stationId(), text);
        }
    }

    /** A binary message: not part of OCPP-J. */
    public void onBinary(StationConnection connection) {
        OcppVersion version = connection.version();
        metrics.message(UNKNOWN_ACTION, Direction.in, "frame_error");
        connection.send(ocpp.errorFrame(version, FrameError.UNKNOWN_MESSAGE_ID,
                version.isTwoX() ? RpcErrorCode.RPC_FRAMEWORK_ERROR : RpcErrorCode.FORMAT_VIOLATION,
                "binary frames are not part of OCPP-J: send text frames", null));
    }

    private void onCall(StationConnection connection, Call call) {
        OcppVersion version = connection.version();
        Optional<OcppAction> action = ocpp.actions().find(version, call.action());
        String label = action.isPresent() ? call.action() : UNKNOWN_ACTION;
        if (!connection.takeToken(System.nanoTime(), ratePerSecond, rateBurst)) {
            reject(connection, call, label, "rate_limited", RpcErrorCode.GENERIC_ERROR,
                    "rate limit of " + ratePerSecond + " messages per second exceeded; retry later");
            return;
        }
        if (action.isEmpty()) {
            reject(connection, call, label, "not_implemented", RpcErrorCode.NOT_IMPLEMENTED,
                    "OCPP " + version.label() + " has no action '" + call.action() + "'");
            return;
        }
        if (!action.get().isSentByStation()) {
            reject(connection, call, label, "not_supported", RpcErrorCode.NOT_SUPPORTED,
                    call.action() + " is sent by the CSMS, not by a charging station");
            return;
        }
        if (connection.callsInFlight() >= maxInFlight) {
            reject(connection, call, label, "too_many_calls", RpcErrorCode.GENERIC_ERROR,
                    "more than " + maxInFlight + " calls are waiting for an answer; OCPP allows one at a time");
            return;
        }
        ValidationResult validation = ocpp.validate(version, call.action(), MessageKind.REQUEST, call.payload());
        if (!validation.isValid()) {
            metrics.message(label, Direction.in, "invalid");
            connection.send(ocpp.frame(version, validation.toCallError(call.messageId())));
            return;
        }
        StationEvent event;
        try {
            event = ocpp.adapter(version).toCanonical(call.action(), call.payload());
        } catch (OcppMappingException e) {
            reject(connection, call, label, "invalid", RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, e.getMessage());
            return;
        }
        publish(connection, call.messageId(), call.action(), call.payload(), event, true);
    }

    private void onSend(StationConnection connection, Send send) {
        OcppVersion version = connection.version();
        boolean known = ocpp.actions().isKnown(version, send.action());
        String label = known ? send.action() : UNKNOWN_ACTION;
        // a SEND gets no answer, not even an error: an invalid one is dropped and counted
        if (!known || !connection.takeToken(System.nanoTime(), ratePerSecond, rateBurst)) {
            metrics.message(label, Direction.in, known ? "rate_limited" : "not_implemented");
            return;
        }
        if (!ocpp.validate(version, send.action(), MessageKind.REQUEST, send.payload()).isValid()) {
            metrics.message(label, Direction.in, "invalid");
            return;
        }
        StationEvent event;
        try {
            event = ocpp.adapter(version).toCanonical(send.action(), send.payload());
        } catch (OcppMappingException e) {
            metrics.message(label, Direction.in, "invalid");
            return;
        }
        publish(connection, send.messageId(), send.action(), send.payload(), event, false);
    }

    private void publish(StationConnection connection, String messageId, String action, ObjectNode payload,
            StationEvent event, boolean answer) {
        long now = System.nanoTime();
        boolean decision = answer && event.requiresDecision();
        Instant receivedAt = events.clock().instant();
        String eventId = UUID.randomUUID().toString();
        StationCall call = new StationCall(connection.stationId(), events.gatewayId(), connection.epoch(),
                connection.version(), messageId, action, payload, event, receivedAt,
                decision ? receivedAt.plusNanos(decisionDeadlineNanos) : null);
        if (answer) {
            connection.callStarted();
        }
        if (decision) {
            connection.awaitDecision(new PendingDecision(eventId, messageId, action, event, now,
                    now + decisionDeadlineNanos));
            metrics.pendingDecisions().incrementAndGet();
        }
        publisher.publish(events.topics().inbound(), events.envelope(eventId, EventTypes.STATION_CALL,
                connection.stationId(), call, connection.version(), action, null))
                .whenComplete((metadata, error) -> connection.run(() -> {
                    if (!answer) {
                        metrics.message(action, Direction.in, error == null ? "accepted" : "kafka_error");
                    } else if (decision) {
                        published(connection, eventId, error);
                    } else {
                        acknowledged(connection, messageId, action, error);
                    }
                }));
    }

    /** A notification reached Kafka (or did not): answer the station. */
    private void acknowledged(StationConnection connection, String messageId, String action, Throwable error) {
        connection.callAnswered();
        if (error != null) {
            kafkaFailed(connection, messageId, action, error);
            return;
        }
        metrics.message(action, Direction.in, "accepted");
        sendResult(connection, messageId, action, new CsmsAnswer.EmptyAnswer());
    }

    /** A StationCall awaiting a decision reached Kafka; only a failure needs an answer now. */
    private void published(StationConnection connection, String eventId, Throwable error) {
        if (error == null) {
            return;
        }
        PendingDecision decision = connection.takeDecision(eventId);
        if (decision == null) {
            return;
        }
        metrics.pendingDecisions().decrementAndGet();
        connection.callAnswered();
        kafkaFailed(connection, decision.messageId(), decision.action(), error);
    }

    private void kafkaFailed(StationConnection connection, String messageId, String action, Throwable error) {
        metrics.message(action, Direction.in, "kafka_error");
        LOG.debugf("%s %s not stored: %s", connection.stationId(), action, error.toString());
        connection.send(ocpp.errorFrame(connection.version(), messageId, RpcErrorCode.INTERNAL_ERROR,
                "the message could not be stored; please retry", null));
    }

    /** A service answered a StationCall of this connection. On-context. */
    public void onAnswer(StationConnection connection, CallAnswer answer) {
        PendingDecision decision = connection.takeDecision(answer.callEventId());
        if (decision == null) {
            // late (the fallback answered already) or for an older connection of the station
            metrics.message(UNKNOWN_ACTION, Direction.out, "late_answer");
            return;
        }
        metrics.pendingDecisions().decrementAndGet();
        metrics.decisionLatency(System.nanoTime() - decision.startedNanos());
        connection.callAnswered();
        if (answer.error() != null) {
            sendServiceError(connection, decision, answer.error());
            return;
        }
        metrics.message(decision.action(), Direction.in, "decided");
        sendResult(connection, decision.messageId(), decision.action(), answer.answer());
    }

    /**
     * Decisions past their deadline get their fallback. On-context.
     *
     * @return the earliest deadline still pending, or {@link Long#MAX_VALUE}
     */
    public long expire(StationConnection connection, long nowNanos) {
        if (connection.decisions().isEmpty()) {
            return Long.MAX_VALUE;
        }
        List<PendingDecision> expired = new ArrayList<>(1);
        long next = Long.MAX_VALUE;
        for (PendingDecision decision : connection.decisions().values()) {
            if (nowNanos - decision.deadlineNanos() >= 0) {
                expired.add(decision);
            } else if (next == Long.MAX_VALUE || decision.deadlineNanos() - next < 0) {
                next = decision.deadlineNanos();
            }
        }
        for (PendingDecision decision : expired) {
            connection.takeDecision(decision.eventId());
            metrics.pendingDecisions().decrementAndGet();
            connection.callAnswered();
            metrics.message(decision.action(), Direction.in, "fallback");
            DecisionFallbacks.Fallback fallback = DecisionFallbacks.forDeadline(decision.event(), bootFallbackInterval);
            if (fallback instanceof DecisionFallbacks.Answer fallbackAnswer) {
                sendResult(connection, decision.messageId(), decision.action(), fallbackAnswer.answer());
            } else {
                DecisionFallbacks.Error fallbackError = (DecisionFallbacks.Error) fallback;
                connection.send(ocpp.errorFrame(connection.version(), decision.messageId(), fallbackError.code(),
                        fallbackError.description(), null));
            }
        }
        return next;
    }

    /** The connection is over: nobody is left to answer. On-context. */
    public void onClosed(StationConnection connection) {
        int waiting = connection.decisions().size();
        if (waiting > 0) {
            metrics.pendingDecisions().addAndGet(-waiting);
            connection.decisions().clear();
        }
    }

    /** Sends the CALLRESULT for an answer; an answer that does not fit the version's schema becomes InternalError. */
    private void sendResult(StationConnection connection, String messageId, String action, CsmsAnswer answer) {
        OcppVersion version = connection.version();
        JsonNode payload;
        try {
            payload = ocpp.adapter(version).toResponse(action, answer);
        } catch (OcppMappingException e) {
            payload = answer instanceof CsmsAnswer.EmptyAnswer ? JsonNodeFactory.instance.objectNode() : null;
            if (payload == null) {
                answerUnusable(connection, messageId, action, e.getMessage());
                return;
            }
        }
        ValidationResult validation = ocpp.validate(version, action, MessageKind.RESPONSE, payload);
        if (!validation.isValid() || !(payload instanceof ObjectNode object)) {
            answerUnusable(connection, messageId, action, validation.toString());
            return;
        }
        connection.send(ocpp.frame(version, new CallResult(messageId, object)));
    }

    private void answerUnusable(StationConnection connection, String messageId, String action, String why) {
        LOG.errorf("The answer to %s's %s is not valid OCPP %s, sending InternalError instead: %s",
                connection.stationId(), action, connection.version().label(), why);
        metrics.message(action, Direction.out, "invalid_answer");
        connection.send(ocpp.errorFrame(connection.version(), messageId, RpcErrorCode.INTERNAL_ERROR,
                "the CSMS could not build a valid answer", null));
    }

    private void sendServiceError(StationConnection connection, PendingDecision decision,
            dev.csms.events.ocpp.CallError error) {
        OcppVersion version = connection.version();
        // the service names 2.x codes; the station hears its version's spelling, InternalError for anything else
        RpcErrorCode code = RpcErrorCode.fromWireName(OcppVersion.V2_0_1, error.errorCode())
                .filter(c -> c.isDefinedIn(version))
                .orElse(RpcErrorCode.INTERNAL_ERROR);
        ObjectNode details = error.errorDetails() instanceof ObjectNode object ? object : null;
        metrics.message(decision.action(), Direction.in, "decided_error");
        connection.send(ocpp.errorFrame(version, decision.messageId(), code, error.errorDescription(), details));
    }

    private void reject(StationConnection connection, Call call, String label, String outcome, RpcErrorCode code,
            String description) {
        metrics.message(label, Direction.in, outcome);
        connection.send(ocpp.errorFrame(connection.version(), call.messageId(), code, description, null));
    }
}
