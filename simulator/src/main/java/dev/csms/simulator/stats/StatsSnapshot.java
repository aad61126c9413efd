package dev.csms.simulator.stats;

import java.util.List;
import java.util.Map;

/**
 * A copy of a fleet's counters at one moment (see {@link SimulatorStats}). Latencies are in microseconds.
 *
 * @param elapsedNanos          time since the statistics were created
 * @param stationCalls          per action: the CALLs stations sent and what became of them
 * @param csmsCalls             per action: the CALLs the CSMS sent and how stations answered
 * @param errorsReceived        CALLERRORs stations received, by error code
 * @param errorsSent            CALLERRORs stations sent, by error code
 * @param violationsReceived    schema violations in what the CSMS sent, by "action kind"
 * @param violationsSent        schema violations in what stations were about to send, by "action kind"
 * @param violationSamples      the first violations, described
 * @param connectFailures       failed connection attempts, by reason
 * @param messagesSent          every frame stations sent
 * @param messagesReceived      every frame stations received
 * @param connectAttempts       WebSocket connection attempts
 * @param connections           WebSocket connections opened
 * @param disconnects           WebSocket connections closed
 * @param frameErrorsReceived   frames from the CSMS that were not valid OCPP-J
 * @param sessionsStarted       transactions started
 * @param sessionsCompleted     transactions ended
 * @param droppedMessages       messages given up (offline queue full, every attempt failed)
 * @param connectedNow          stations connected now
 * @param acceptedNow           stations whose boot is Accepted now
 * @param pendingNow            stations whose boot is Pending now
 * @param rejectedNow           stations whose boot is Rejected now
 * @param activeSessionsNow     transactions running now
 * @param outstandingCalls      station CALLs queued or in flight now
 */
public record StatsSnapshot(long elapsedNanos, Map<String, StationCall> stationCalls, Map<String, CsmsCall> csmsCalls,
        Map<String, Long> errorsReceived, Map<String, Long> errorsSent, Map<String, Long> violationsReceived,
        Map<String, Long> violationsSent, List<String> violationSamples, Map<String, Long> connectFailures,
        long messagesSent, long messagesReceived, long connectAttempts, long connections, long disconnects,
        long frameErrorsReceived, long sessionsStarted, long sessionsCompleted, long droppedMessages,
        int connectedNow, int acceptedNow, int pendingNow, int rejectedNow, int activeSessionsNow,
        int outstandingCalls) {

    /**
     * What happened to the CALLs of one action that stations sent.
     *
     * @param sent     CALLs sent
     * @param results  CALLRESULTs received
     * @param errors   CALLERRORs received
     * @param timeouts CALLs without an answer in time
     * @param p50      median round trip (µs)
     * @param p95      95th percentile (µs)
     * @param p99      99th percentile (µs)
     * @param max      slowest round trip (µs)
     */
    public record StationCall(long sent, long results, long errors, long timeouts, long p50, long p95, long p99,
            long max) {
    }

    /**
     * How stations answered the CSMS's CALLs of one action.
     *
     * @param received CALLs received
     * @param results  CALLRESULTs sent
     * @param errors   CALLERRORs sent
     */
    public record CsmsCall(long received, long results, long errors) {
    }

    /** Every CALLERROR received. */
    public long callErrorsReceived() {
        return sum(errorsReceived);
    }

    /** Every CALLERROR sent. */
    public long callErrorsSent() {
        return sum(errorsSent);
    }

    /** Every station CALL that got no answer in time. */
    public long timeouts() {
        return stationCalls.values().stream().mapToLong(StationCall::timeouts).sum();
    }

    /** Every schema violation, received and sent. */
    public long schemaViolations() {
        return sum(violationsReceived) + sum(violationsSent);
    }

    /** Every failed connection attempt. */
    public long connectFailureCount() {
        return sum(connectFailures);
    }

    /**
     * Everything that counts as an error for {@code --fail-on-errors}: CALLERRORs either way, timeouts, schema
     * violations, unreadable frames and failed connection attempts.
     */
    public long errorCount() {
        return callErrorsReceived() + callErrorsSent() + timeouts() + schemaViolations() + frameErrorsReceived
                + connectFailureCount();
    }

    /** The CALLs stations sent for one action (zeros if none). */
    public StationCall stationCall(String action) {
        return stationCalls.getOrDefault(action, new StationCall(0, 0, 0, 0, 0, 0, 0, 0));
    }

    /** The CALLs the CSMS sent for one action (zeros if none). */
    public CsmsCall csmsCall(String action) {
        return csmsCalls.getOrDefault(action, new CsmsCall(0, 0, 0));
    }

    private static long sum(Map<String, Long> counters) {
        return counters.values().stream().mapToLong(Long::longValue).sum();
    }
}
