package dev.csms.simulator.connection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.rpc.Call;
import dev.csms.ocpp.rpc.CallError;
import dev.csms.ocpp.rpc.CallResult;
import dev.csms.ocpp.rpc.CallResultError;
import dev.csms.ocpp.rpc.RpcCodec;
import dev.csms.ocpp.rpc.RpcErrorCode;
import dev.csms.ocpp.rpc.RpcMessage;
import dev.csms.ocpp.rpc.RpcParseResult;
import dev.csms.ocpp.rpc.Send;
import dev.csms.ocpp.schema.MessageKind;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import dev.csms.ocpp.schema.ValidationResult;
import dev.csms.simulator.stats.SimulatorStats;
import dev.csms.simulator.time.SimClock;
import io.vertx.core.http.WebSocket;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The OCPP-J side of one station: frames CALLs, CALLRESULTs and CALLERRORs on the station's WebSocket, keeps
 * at most one station CALL in flight (OCPP's rule), queues the rest, times them out, retries transaction
 * messages, keeps transaction messages in order while the station is off line, validates everything received
 * against the official schemas and answers CSMS CALLs through its {@link ChannelOwner}.
 *
 * <p>Not thread-safe: every method runs on the station's event loop. Lives as long as the station; the
 * WebSocket comes and goes ({@link #attach}, {@link #detach}).
 */
public final class RpcChannel {

    private static final Logger LOG = Logger.getLogger(RpcChannel.class.getName());

    private final OcppVersion version;
    private final ChannelOwner owner;
    private final Shared shared;
    private ArrayDeque<OutgoingCall> queue;
    private WebSocket socket;
    private InFlight inFlight;
    private SimClock.Timer retryTimer;
    private int messageCounter;
    private boolean answering;

    /**
     * What every channel of a fleet shares: the codec, the validator, the statistics.
     *
     * @param codec            the OCPP-J codec
     * @param validator        the schema validator
     * @param stats            the fleet's statistics
     * @param validateOutgoing whether to validate what stations send, too
     */
    public record Shared(RpcCodec codec, OcppSchemaValidator validator, SimulatorStats stats,
            boolean validateOutgoing) {
    }

    private record InFlight(OutgoingCall call, String messageId, long startNanos, SimClock.Timer timeout) {
    }

    /** A channel for a station of this version. */
    public RpcChannel(OcppVersion version, ChannelOwner owner, Shared shared) {
        this.version = version;
        this.owner = owner;
        this.shared = shared;
    }

    /** Starts using an open WebSocket: sends what may go out. */
    public void attach(WebSocket webSocket) {
        this.socket = webSocket;
        webSocket.textMessageHandler(this::onText);
        webSocket.binaryMessageHandler(buffer -> onText(buffer.toString()));
    }

    /** Whether a WebSocket is attached. */
    public boolean isConnected() {
        return socket != null;
    }

    /**
     * The WebSocket is gone: an unanswered transaction message goes back to the front of the queue (it is sent
     * again, with a new message id, after reconnecting); every other queued or unanswered CALL fails as off line.
     */
    public void detach() {
        socket = null;
        cancelRetry();
        if (inFlight != null) {
            InFlight lost = inFlight;
            inFlight = null;
            lost.timeout.cancel();
            if (lost.call.kind() == CallKind.TRANSACTION) {
                queue().addFirst(lost.call);
            } else {
                shared.stats.stationCallTimedOut(lost.call.action());
                settle(lost.call, new CallFailure(CallFailure.Reason.OFFLINE, null, "connection closed"));
            }
            shared.stats.callLanded();
        }
        if (queue != null) {
            for (Iterator<OutgoingCall> it = queue.iterator(); it.hasNext();) {
                OutgoingCall call = it.next();
                if (call.kind() != CallKind.TRANSACTION) {
                    it.remove();
                    settle(call, new CallFailure(CallFailure.Reason.OFFLINE, null, "connection closed"));
                }
            }
        }
    }

    /**
     * Queues a CALL. While off line, only transaction messages are kept; others fail at once (a station does not
     * keep heartbeats or status for later: it reports its status again after reconnecting).
     */
    public void send(OutgoingCall call) {
        if (socket == null && call.kind() != CallKind.TRANSACTION) {
            call.fail(new CallFailure(CallFailure.Reason.OFFLINE, null, "station is off line"));
            return;
        }
        shared.stats.callQueued();
        ArrayDeque<OutgoingCall> q = queue();
        if (call.kind() == CallKind.TRANSACTION && q.size() >= owner.queueLimit() && !makeRoom(q)) {
            shared.stats.messageDropped();
            settle(call, new CallFailure(CallFailure.Reason.DROPPED, null, "offline queue full"));
            return;
        }
        q.addLast(call);
        pump();
    }

    /** Queued or in-flight CALLs. */
    public int pending() {
        return (queue == null ? 0 : queue.size()) + (inFlight == null ? 0 : 1);
    }

    /** Whether a transaction message is queued or in flight. */
    public boolean hasTransactionMessages() {
        if (inFlight != null && inFlight.call.kind() == CallKind.TRANSACTION) {
            return true;
        }
        return queue != null && queue.stream().anyMatch(c -> c.kind() == CallKind.TRANSACTION);
    }

    /** Sends the next CALL if none is in flight and one may go out (e.g. after the boot was accepted). */
    public void pump() {
        if (socket == null || answering || inFlight != null || retryTimer != null || queue == null || queue.isEmpty()) {
            return;
        }
        OutgoingCall next = null;
        if (owner.accepted()) {
            next = queue.pollFirst();
        } else {
            for (Iterator<OutgoingCall> it = queue.iterator(); it.hasNext();) {
                OutgoingCall call = it.next();
                if (call.kind() == CallKind.BOOT || call.kind() == CallKind.REQUESTED) {
                    it.remove();
                    next = call;
                    break;
                }
            }
        }
        if (next == null) {
            return;
        }
        ObjectNode payload;
        try {
            payload = next.buildPayload();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, owner.stationId() + ": cannot build " + next.action(), e);
            shared.stats.messageDropped();
            settle(next, new CallFailure(CallFailure.Reason.DROPPED, null, "payload: " + e));
            pump();
            return;
        }
        if (shared.validateOutgoing) {
            checkOutgoing(next.action(), MessageKind.REQUEST, payload);
        }
        String messageId = Integer.toString(++messageCounter);
        String text = shared.codec.serialize(version, new Call(messageId, next.action(), payload));
        OutgoingCall sent = next;
        SimClock.Timer timeout = owner.schedule(owner.callTimeout(), () -> onTimeout(messageId));
        inFlight = new InFlight(sent, messageId, System.nanoTime(), timeout);
        shared.stats.stationCallSent(sent.action());
        shared.stats.callWritten();
        write(text);
    }

    private boolean makeRoom(ArrayDeque<OutgoingCall> q) {
        for (Iterator<OutgoingCall> it = q.iterator(); it.hasNext();) {
            OutgoingCall call = it.next();
            if (call.isDroppable()) {
                it.remove();
                shared.stats.messageDropped();
                settle(call, new CallFailure(CallFailure.Reason.DROPPED, null, "offline queue full"));
                return true;
            }
        }
        return false;
    }

    private void onText(String text) {
        owner.frame(false, text);
        RpcParseResult parsed = shared.codec.parse(version, text);
        if (parsed instanceof RpcParseResult.Failed failed) {
            shared.stats.frameErrorReceived();
            LOG.fine(() -> owner.stationId() + ": unreadable frame: " + failed.error());
            failed.error().reply().ifPresent(reply -> {
                if (reply instanceof CallError error) {
                    shared.stats.csmsCallRefused("(unreadable frame)", error.errorCode());
                }
                write(shared.codec.serialize(version, reply));
            });
            return;
        }
        RpcMessage message = ((RpcParseResult.Parsed) parsed).message();
        if (message instanceof Call call) {
            onCall(call);
        } else if (message instanceof CallResult result) {
            onResult(result);
        } else if (message instanceof CallError error) {
            onError(error);
        } else if (message instanceof CallResultError error) {
            shared.stats.frameErrorReceived();
            LOG.fine(() -> owner.stationId() + ": CSMS could not handle a CALLRESULT: " + error);
        } else if (message instanceof Send send) {
            shared.stats.frameErrorReceived();
            LOG.fine(() -> owner.stationId() + ": unexpected SEND " + send.action());
        }
    }

    private void onCall(Call call) {
        String action = call.action();
        shared.stats.csmsCallReceived(action);
        ValidationResult validation = shared.validator.validate(version, action, MessageKind.REQUEST, call.payload());
        if (validation.isUnknownAction()) {
            refuse(call, RpcErrorCode.NOT_IMPLEMENTED, "unknown action " + action);
            return;
        }
        if (!validation.isValid()) {
            shared.stats.violationReceived(owner.stationId(), action, "request", validation.toString());
            CallError error = validation.toCallError(call.messageId());
            shared.stats.csmsCallRefused(action, error.errorCode());
            write(shared.codec.serialize(version, error));
            return;
        }
        Reply reply;
        // what the handler makes the station send (a status change, a report) goes out after the answer
        answering = true;
        try {
            reply = owner.handleCall(action, call.payload());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, owner.stationId() + ": handling " + action + " failed", e);
            reply = Reply.error(RpcErrorCode.INTERNAL_ERROR, e.toString());
        } finally {
            answering = false;
        }
        if (reply instanceof Reply.Error error) {
            refuse(call, error.code(), error.description());
            pump();
            return;
        }
        Reply.Result result = (Reply.Result) reply;
        if (shared.validateOutgoing) {
            checkOutgoing(action, MessageKind.RESPONSE, result.payload());
        }
        shared.stats.csmsCallAnswered(action);
        write(shared.codec.serialize(version, new CallResult(call.messageId(), result.payload())));
        result.afterSent().run();
        pump();
    }

    private void refuse(Call call, RpcErrorCode code, String description) {
        CallError error = CallError.of(version, call.messageId(), code, description, null);
        shared.stats.csmsCallRefused(call.action(), error.errorCode());
        write(shared.codec.serialize(version, error));
    }

    private void onResult(CallResult result) {
        InFlight current = inFlight;
        if (current == null || !current.messageId.equals(result.messageId())) {
            // A late answer to a CALL that already timed out: nothing waits for it any more.
            shared.stats.frameErrorReceived();
            return;
        }
        inFlight = null;
        current.timeout.cancel();
        String action = current.call.action();
        shared.stats.stationCallAnswered(action, System.nanoTime() - current.startNanos);
        ValidationResult validation = shared.validator.validate(version, action, MessageKind.RESPONSE,
                result.payload());
        if (!validation.isValid()) {
            shared.stats.violationReceived(owner.stationId(), action, "response", validation.toString());
        }
        try {
            current.call.succeed(result.payload());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, owner.stationId() + ": handling the answer to " + action + " failed", e);
        }
        // settled after the callback, so that what it queues is counted before this call stops counting
        shared.stats.callSettled();
        pump();
        shared.stats.callLanded();
    }

    private void onError(CallError error) {
        InFlight current = inFlight;
        if (current == null || !current.messageId.equals(error.messageId())) {
            shared.stats.frameErrorReceived();
            return;
        }
        inFlight = null;
        current.timeout.cancel();
        shared.stats.stationCallFailed(current.call.action(), error.errorCode(), System.nanoTime() - current.startNanos);
        retryOrFail(current.call, new CallFailure(CallFailure.Reason.CALL_ERROR, error.errorCode(),
                error.errorDescription()));
        shared.stats.callLanded();
    }

    private void onTimeout(String messageId) {
        InFlight current = inFlight;
        if (current == null || !current.messageId.equals(messageId)) {
            return;
        }
        inFlight = null;
        shared.stats.stationCallTimedOut(current.call.action());
        retryOrFail(current.call, new CallFailure(CallFailure.Reason.TIMEOUT, null,
                "no answer within " + owner.callTimeout()));
        shared.stats.callLanded();
    }

    /** Transaction messages are retried (at the head, so order holds) until their attempts run out. */
    private void retryOrFail(OutgoingCall call, CallFailure failure) {
        if (call.kind() == CallKind.TRANSACTION) {
            call.attempts++;
            if (call.attempts < owner.transactionMessageAttempts()) {
                queue().addFirst(call);
                retryTimer = owner.schedule(owner.transactionMessageRetryInterval().multipliedBy(call.attempts), () -> {
                    retryTimer = null;
                    pump();
                });
                return;
            }
            shared.stats.messageDropped();
            settle(call, new CallFailure(CallFailure.Reason.DROPPED, failure.errorCode(),
                    "gave up after " + call.attempts + " attempts: " + failure));
        } else {
            settle(call, failure);
        }
        pump();
    }

    private void settle(OutgoingCall call, CallFailure failure) {
        try {
            call.fail(failure);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, owner.stationId() + ": handling the failure of " + call.action() + " failed", e);
        }
        shared.stats.callSettled();
    }

    private void cancelRetry() {
        if (retryTimer != null) {
            retryTimer.cancel();
            retryTimer = null;
        }
    }

    private void checkOutgoing(String action, MessageKind kind, ObjectNode payload) {
        ValidationResult validation = shared.validator.validate(version, action, kind, payload);
        if (!validation.isValid()) {
            shared.stats.violationSent(owner.stationId(), action, kind == MessageKind.REQUEST ? "request" : "response",
                    validation + " payload=" + payload);
            LOG.warning(() -> owner.stationId() + ": sending an invalid " + action + ": " + validation);
        }
    }

    private void write(String text) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        owner.frame(true, text);
        ws.writeTextMessage(text);
    }

    private ArrayDeque<OutgoingCall> queue() {
        if (queue == null) {
            queue = new ArrayDeque<>(4);
        }
        return queue;
    }
}
