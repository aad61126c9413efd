package dev.csms.simulator.stats;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The counters of a whole fleet: messages by action and direction, CALLERRORs by code, call latencies,
 * schema violations, connections, sessions. Updated from every event loop at once without locks (LongAdder,
 * HdrHistogram's ConcurrentHistogram); {@link #snapshot()} reads a consistent-enough copy for progress lines
 * and the summary.
 *
 * <p>"Station calls" are the CALLs a station sends (BootNotification, TransactionEvent, ...), whose round trip
 * is timed; "CSMS calls" are the commands the CSMS sends to a station.
 */
public final class SimulatorStats {

    /** Latencies up to 10 minutes, 2 significant digits (1 % resolution): about 50 KB per action. */
    private static final long MAX_LATENCY_MICROS = TimeUnit.MINUTES.toMicros(10);
    private static final int MAX_VIOLATION_SAMPLES = 20;

    private final Map<String, StationCallCounters> stationCalls = new ConcurrentHashMap<>();
    private final Map<String, CsmsCallCounters> csmsCalls = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorsReceived = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errorsSent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> violationsReceived = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> violationsSent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> connectFailures = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> violationSamples = new ConcurrentLinkedQueue<>();
    private final AtomicInteger violationSampleCount = new AtomicInteger();

    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder connectAttempts = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final LongAdder disconnects = new LongAdder();
    private final LongAdder frameErrorsReceived = new LongAdder();
    private final LongAdder sessionsStarted = new LongAdder();
    private final LongAdder sessionsCompleted = new LongAdder();
    private final LongAdder droppedMessages = new LongAdder();

    private final AtomicInteger connectedNow = new AtomicInteger();
    private final AtomicInteger acceptedNow = new AtomicInteger();
    private final AtomicInteger pendingNow = new AtomicInteger();
    private final AtomicInteger rejectedNow = new AtomicInteger();
    private final AtomicInteger activeSessionsNow = new AtomicInteger();
    private final AtomicInteger outstandingCalls = new AtomicInteger();
    private final AtomicInteger inFlightCalls = new AtomicInteger();
    private final AtomicInteger connectingNow = new AtomicInteger();
    private final AtomicInteger closingNow = new AtomicInteger();
    private final long startedNanos = System.nanoTime();

    // ---- station calls ----

    /** A station sent a CALL. */
    public void stationCallSent(String action) {
        messagesSent.increment();
        stationCall(action).sent.increment();
    }

    /** The CSMS answered a station's CALL with a CALLRESULT after {@code nanos}. */
    public void stationCallAnswered(String action, long nanos) {
        messagesReceived.increment();
        StationCallCounters counters = stationCall(action);
        counters.results.increment();
        counters.latency.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(0, nanos / 1000)));
    }

    /** The CSMS answered a station's CALL with a CALLERROR. */
    public void stationCallFailed(String action, String errorCode, long nanos) {
        messagesReceived.increment();
        StationCallCounters counters = stationCall(action);
        counters.errors.increment();
        counters.latency.recordValue(Math.min(MAX_LATENCY_MICROS, Math.max(0, nanos / 1000)));
        count(errorsReceived, errorCode);
    }

    /** A station's CALL got no answer within the call timeout (or the connection closed before it came). */
    public void stationCallTimedOut(String action) {
        stationCall(action).timeouts.increment();
    }

    // ---- CSMS calls ----

    /** A station received a CALL from the CSMS. */
    public void csmsCallReceived(String action) {
        messagesReceived.increment();
        csmsCall(action).received.increment();
    }

    /** A station answered a CSMS CALL with a CALLRESULT. */
    public void csmsCallAnswered(String action) {
        messagesSent.increment();
        csmsCall(action).results.increment();
    }

    /** A station answered a CSMS CALL (or an unreadable frame) with a CALLERROR. */
    public void csmsCallRefused(String action, String errorCode) {
        messagesSent.increment();
        csmsCall(action).errors.increment();
        count(errorsSent, errorCode);
    }

    /** A frame from the CSMS could not be read as OCPP-J. */
    public void frameErrorReceived() {
        messagesReceived.increment();
        frameErrorsReceived.increment();
    }

    // ---- schema ----

    /** A payload received from the CSMS violates its schema. */
    public void violationReceived(String stationId, String action, String kind, String detail) {
        count(violationsReceived, action + " " + kind);
        sample("received " + action + " " + kind + " at " + stationId + ": " + detail);
    }

    /** A payload the simulator itself was about to send violates its schema (a simulator bug). */
    public void violationSent(String stationId, String action, String kind, String detail) {
        count(violationsSent, action + " " + kind);
        sample("sent " + action + " " + kind + " by " + stationId + ": " + detail);
    }

    // ---- connections, registration, sessions ----

    /** A station tried to open its WebSocket. */
    public void connectAttempt() {
        connectAttempts.increment();
        connectingNow.incrementAndGet();
    }

    /** A connection attempt ended (opened or failed). */
    public void connectAttemptEnded() {
        connectingNow.decrementAndGet();
    }

    /** Connection attempts under way. */
    public int connectingNow() {
        return connectingNow.get();
    }

    /** A station's WebSocket opened. */
    public void connected() {
        connections.increment();
        connectedNow.incrementAndGet();
    }

    /** A station's WebSocket could not be opened. */
    public void connectFailed(String reason) {
        count(connectFailures, reason);
    }

    /** An open WebSocket closed. */
    public void disconnected() {
        disconnects.increment();
        connectedNow.decrementAndGet();
    }

    /**
     * A station closed its WebSocket: it counts as disconnected at once (it may reconnect), while the close handshake
     * and the TCP close go on until {@link #closingEnded()}.
     */
    public void closingStarted() {
        closingNow.incrementAndGet();
    }

    /** A connection the station closed is closed at the TCP level. */
    public void closingEnded() {
        closingNow.decrementAndGet();
    }

    /** Connections the stations closed that are not closed at the TCP level yet. */
    public int closingNow() {
        return closingNow.get();
    }

    /** A station's registration changed (null is "not registered"). */
    public void registrationChanged(String from, String to) {
        gauge(from).ifPresent(AtomicInteger::decrementAndGet);
        gauge(to).ifPresent(AtomicInteger::incrementAndGet);
    }

    private Optional<AtomicInteger> gauge(String registration) {
        if (registration == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (registration) {
            case "Accepted" -> acceptedNow;
            case "Pending" -> pendingNow;
            case "Rejected" -> rejectedNow;
            default -> null;
        });
    }

    /** A charging session's transaction started. */
    public void sessionStarted() {
        sessionsStarted.increment();
        activeSessionsNow.incrementAndGet();
    }

    /** A charging session's transaction ended. */
    public void sessionEnded() {
        sessionsCompleted.increment();
        activeSessionsNow.decrementAndGet();
    }

    /** A message was given up (offline queue full, or no answer after every attempt). */
    public void messageDropped() {
        droppedMessages.increment();
    }

    /** A CALL entered a station's outgoing queue. */
    public void callQueued() {
        outstandingCalls.incrementAndGet();
    }

    /** A CALL left a station's outgoing queue (answered, failed or given up). */
    public void callSettled() {
        outstandingCalls.decrementAndGet();
    }

    /** A station CALL went on the wire. */
    public void callWritten() {
        inFlightCalls.incrementAndGet();
    }

    /** A station CALL on the wire was answered, timed out or lost with its connection. */
    public void callLanded() {
        inFlightCalls.decrementAndGet();
    }

    /** Station CALLs on the wire, waiting for their answer, over the whole fleet. */
    public int inFlightCalls() {
        return inFlightCalls.get();
    }

    /** CALLs queued or in flight over the whole fleet. */
    public int outstandingCalls() {
        return outstandingCalls.get();
    }

    /** Stations whose registration is Accepted right now. */
    public int acceptedNow() {
        return acceptedNow.get();
    }

    /** Stations with an open WebSocket right now. */
    public int connectedNow() {
        return connectedNow.get();
    }

    /** A copy of every counter. */
    public StatsSnapshot snapshot() {
        Map<String, StatsSnapshot.StationCall> calls = new TreeMap<>();
        stationCalls.forEach((action, c) -> {
            Histogram h = c.latency.copy();
            calls.put(action, new StatsSnapshot.StationCall(c.sent.sum(), c.results.sum(), c.errors.sum(),
                    c.timeouts.sum(), micros(h, 50), micros(h, 95), micros(h, 99), h.getTotalCount() == 0 ? 0
                    : h.getMaxValue()));
        });
        Map<String, StatsSnapshot.CsmsCall> commands = new TreeMap<>();
        csmsCalls.forEach((action, c) -> commands.put(action,
                new StatsSnapshot.CsmsCall(c.received.sum(), c.results.sum(), c.errors.sum())));
        return new StatsSnapshot(System.nanoTime() - startedNanos, calls, commands, sums(errorsReceived),
                sums(errorsSent), sums(violationsReceived), sums(violationsSent), List.copyOf(violationSamples),
                sums(connectFailures), messagesSent.sum(), messagesReceived.sum(), connectAttempts.sum(),
                connections.sum(), disconnects.sum(), frameErrorsReceived.sum(), sessionsStarted.sum(),
                sessionsCompleted.sum(), droppedMessages.sum(), connectedNow.get(), acceptedNow.get(),
                pendingNow.get(), rejectedNow.get(), activeSessionsNow.get(), outstandingCalls.get());
    }

    private static long micros(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile);
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    private StationCallCounters stationCall(String action) {
        return stationCalls.computeIfAbsent(action, a -> new StationCallCounters());
    }

    private CsmsCallCounters csmsCall(String action) {
        return csmsCalls.computeIfAbsent(action, a -> new CsmsCallCounters());
    }

    private static void count(Map<String, LongAdder> counters, String key) {
        counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private void sample(String text) {
        if (violationSampleCount.incrementAndGet() <= MAX_VIOLATION_SAMPLES) {
            violationSamples.add(text.length() > 300 ? text.substring(0, 300) + "..." : text);
        }
    }

    private static final class StationCallCounters {
        final LongAdder sent = new LongAdder();
        final LongAdder results = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder timeouts = new LongAdder();
        final ConcurrentHistogram latency = new ConcurrentHistogram(MAX_LATENCY_MICROS, 2);
    }

    private static final class CsmsCallCounters {
        final LongAdder received = new LongAdder();
        final LongAdder results = new LongAdder();
        final LongAdder errors = new LongAdder();
    }
}
