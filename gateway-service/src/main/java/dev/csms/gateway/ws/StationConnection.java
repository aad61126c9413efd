package dev.csms.gateway.ws;

import dev.csms.events.ocpp.DisconnectReason;
import dev.csms.ocpp.OcppVersion;
import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One station's WebSocket connection and its small state. Kept deliberately small (an idle connection allocates no
 * map or queue) so that a replica holds tens of thousands of them.
 *
 * <p>Threading: every mutable field except the {@code volatile} ones is read and written only on the connection's
 * own Vert.x context ({@link #context()}); code on other threads (Kafka callbacks, the outbound follower, the sweep)
 * hops there with {@link #run(Runnable)}.
 */
public final class StationConnection {

    private final String stationId;
    private final OcppVersion version;
    private final long epoch;
    private final int securityProfile;
    private final boolean pendingRegistration;
    private final Instant connectedAt;
    private final String remoteAddress;
    private final ServerWebSocket socket;
    private final Context context;

    /** Set once, when the gateway decided the connection is over (before the socket is closed). */
    private volatile boolean closed;
    private DisconnectReason closeReason;
    /** The earliest time the sweep must look at this connection ({@link System#nanoTime()} scale). */
    private volatile long nextDueNanos;
    private volatile boolean sweepQueued;

    // liveness
    private long lastHeardNanos;
    private long pingSentNanos;

    // inbound: token bucket and calls waiting for an answer
    private double tokens;
    private long tokensAtNanos;
    private int callsInFlight;
    private Map<String, PendingDecision> decisions;

    // outbound commands: the one outstanding CALL and the queue behind it
    private PendingCommand outstanding;
    private String outstandingMessageId;
    private ArrayDeque<PendingCommand> queue;

    public StationConnection(String stationId, OcppVersion version, long epoch, int securityProfile,
            boolean pendingRegistration, Instant connectedAt, String remoteAddress, ServerWebSocket socket,
            Context context, long nowNanos, double initialTokens) {
        this.stationId = stationId;
        this.version = version;
        this.epoch = epoch;
        this.securityProfile = securityProfile;
        this.pendingRegistration = pendingRegistration;
        this.connectedAt = connectedAt;
        this.remoteAddress = remoteAddress;
        this.socket = socket;
        this.context = context;
        this.lastHeardNanos = nowNanos;
        this.tokens = initialTokens;
        this.tokensAtNanos = nowNanos;
        this.nextDueNanos = nowNanos;
    }

    public String stationId() {
        return stationId;
    }

    public OcppVersion version() {
        return version;
    }

    public long epoch() {
        return epoch;
    }

    public int securityProfile() {
        return securityProfile;
    }

    public boolean pendingRegistration() {
        return pendingRegistration;
    }

    public Instant connectedAt() {
        return connectedAt;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public ServerWebSocket socket() {
        return socket;
    }

    public Context context() {
        return context;
    }

    /** Runs a task on the connection's context (from any thread). */
    public void run(Runnable task) {
        context.runOnContext(ignored -> task.run());
    }

    /** Sends a text frame unless the connection is over. On-context. */
    public void send(String frame) {
        if (!closed) {
            socket.writeTextMessage(frame);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Marks the connection over; false when it already was. On-context. */
    boolean markClosed(DisconnectReason reason) {
        if (closed) {
            return false;
        }
        closed = true;
        closeReason = reason;
        return true;
    }

    public DisconnectReason closeReason() {
        return closeReason;
    }

    // ---------------------------------------------------------------- sweep scheduling

    public long nextDueNanos() {
        return nextDueNanos;
    }

    /** Brings the next sweep forward to {@code nanos} if that is earlier. On-context. */
    public void dueBy(long nanos) {
        if (nanos - nextDueNanos < 0) {
            nextDueNanos = nanos;
        }
    }

    /** Sets the next sweep time (after the connection recomputed all its deadlines). On-context. */
    void setNextDue(long nanos) {
        nextDueNanos = nanos;
    }

    /** True for the one caller that queues the sweep task; reset when it ran. */
    boolean claimSweep() {
        if (sweepQueued) {
            return false;
        }
        sweepQueued = true;
        return true;
    }

    void sweepDone() {
        sweepQueued = false;
    }

    // ---------------------------------------------------------------- liveness

    /** Something (a message or a pong) arrived. On-context. */
    public void heard(long nowNanos) {
        lastHeardNanos = nowNanos;
    }

    long lastHeardNanos() {
        return lastHeardNanos;
    }

    long pingSentNanos() {
        return pingSentNanos;
    }

    void pingSent(long nowNanos) {
        pingSentNanos = nowNanos;
    }

    // ---------------------------------------------------------------- inbound

    /**
     * Takes one token of the inbound rate limit; false when the station sends faster than allowed. On-context.
     */
    public boolean takeToken(long nowNanos, double perSecond, int burst) {
        double refill = (nowNanos - tokensAtNanos) / 1e9 * perSecond;
        tokens = Math.min(burst, tokens + refill);
        tokensAtNanos = nowNanos;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    public int callsInFlight() {
        return callsInFlight;
    }

    public void callStarted() {
        callsInFlight++;
    }

    public void callAnswered() {
        callsInFlight--;
    }

    /** Waits for a decision. On-context. */
    public void awaitDecision(PendingDecision decision) {
        if (decisions == null) {
            decisions = new HashMap<>(4);
        }
        decisions.put(decision.eventId(), decision);
        dueBy(decision.deadlineNanos());
    }

    /** Removes and returns the decision awaited for a StationCall event, or null. On-context. */
    public PendingDecision takeDecision(String eventId) {
        if (decisions == null) {
            return null;
        }
        PendingDecision decision = decisions.remove(eventId);
        if (decisions.isEmpty()) {
            decisions = null;
        }
        return decision;
    }

    /** The decisions waited for (a live view; empty when none). On-context. */
    public Map<String, PendingDecision> decisions() {
        return decisions == null ? Map.of() : decisions;
    }

    // ---------------------------------------------------------------- commands

    public PendingCommand outstanding() {
        return outstanding;
    }

    public String outstandingMessageId() {
        return outstandingMessageId;
    }

    public void setOutstanding(PendingCommand command, String messageId) {
        this.outstanding = command;
        this.outstandingMessageId = messageId;
        if (command != null) {
            dueBy(command.deadlineNanos());
        }
    }

    /** The queue behind the outstanding command, created on first use. On-context. */
    public ArrayDeque<PendingCommand> queue() {
        if (queue == null) {
            queue = new ArrayDeque<>(4);
        }
        return queue;
    }

    /** Queued commands, 0 when no queue was ever needed. */
    public int queuedCount() {
        return queue == null ? 0 : queue.size();
    }

    /** Drops the queue once it is empty, so an idle connection holds none. */
    public void trimQueue() {
        if (queue != null && queue.isEmpty()) {
            queue = null;
        }
    }

    @Override
    public String toString() {
        return "StationConnection[" + stationId + ", " + version.label() + ", epoch " + epoch + "]";
    }
}
