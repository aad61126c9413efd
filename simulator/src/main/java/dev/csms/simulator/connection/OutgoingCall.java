package dev.csms.simulator.connection;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A CALL a station wants to send. The payload is built when the CALL goes out, so that a 1.6 MeterValues queued
 * before its StartTransaction was answered still carries the transactionId the CSMS gave.
 */
public final class OutgoingCall {

    private final String action;
    private final Supplier<ObjectNode> payload;
    private final CallKind kind;
    private final boolean droppable;
    private final Consumer<ObjectNode> onResult;
    private final Consumer<CallFailure> onFailure;
    int attempts;

    private OutgoingCall(String action, Supplier<ObjectNode> payload, CallKind kind, boolean droppable,
            Consumer<ObjectNode> onResult, Consumer<CallFailure> onFailure) {
        this.action = Objects.requireNonNull(action, "action");
        this.payload = Objects.requireNonNull(payload, "payload");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.droppable = droppable;
        this.onResult = onResult == null ? r -> { } : onResult;
        this.onFailure = onFailure == null ? f -> { } : onFailure;
    }

    /** A CALL with a payload known now. */
    public static OutgoingCall of(String action, ObjectNode payload, CallKind kind) {
        return new OutgoingCall(action, () -> payload, kind, false, null, null);
    }

    /** A CALL whose payload is built when it is sent. */
    public static OutgoingCall lazy(String action, Supplier<ObjectNode> payload, CallKind kind) {
        return new OutgoingCall(action, payload, kind, false, null, null);
    }

    /** The same CALL, answered to {@code onResult} and {@code onFailure}. */
    public OutgoingCall then(Consumer<ObjectNode> onResult, Consumer<CallFailure> onFailure) {
        return new OutgoingCall(action, payload, kind, droppable, onResult, onFailure);
    }

    /** The same CALL, which may be dropped first when the off-line queue is full (periodic meter values). */
    public OutgoingCall droppable() {
        return new OutgoingCall(action, payload, kind, true, onResult, onFailure);
    }

    /** The action. */
    public String action() {
        return action;
    }

    /** How it is queued. */
    public CallKind kind() {
        return kind;
    }

    /** Whether it may be dropped when the queue is full. */
    public boolean isDroppable() {
        return droppable;
    }

    ObjectNode buildPayload() {
        return payload.get();
    }

    void succeed(ObjectNode result) {
        onResult.accept(result);
    }

    void fail(CallFailure failure) {
        onFailure.accept(failure);
    }
}
