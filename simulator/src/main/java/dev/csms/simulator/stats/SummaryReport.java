package dev.csms.simulator.stats;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders statistics for people: a progress line while a run goes on, and the summary table at the end. */
public final class SummaryReport {

    private SummaryReport() {
    }

    /**
     * One line of progress: elapsed time, connections, boots, sessions, message rate since the previous line,
     * errors and violations.
     */
    public static String progressLine(StatsSnapshot now, StatsSnapshot previous, int stations) {
        double seconds = Math.max(1e-3, (now.elapsedNanos() - previous.elapsedNanos()) / 1e9);
        double rate = (now.messagesSent() + now.messagesReceived() - previous.messagesSent()
                - previous.messagesReceived()) / seconds;
        return String.format(Locale.ROOT,
                "[%6.1fs] connected %d/%d  booted %d  pending %d  rejected %d  sessions %d active / %d done  "
                        + "msgs/s %.1f  errors %d  violations %d",
                now.elapsedNanos() / 1e9, now.connectedNow(), stations, now.acceptedNow(), now.pendingNow(),
                now.rejectedNow(), now.activeSessionsNow(), now.sessionsCompleted(), rate, now.errorCount(),
                now.schemaViolations());
    }

    /** The summary table: messages by action and direction, latencies, errors, violations, connections. */
    public static String render(StatsSnapshot s, int stations) {
        StringBuilder out = new StringBuilder();
        double seconds = s.elapsedNanos() / 1e9;
        out.append(String.format(Locale.ROOT, "%n=== Simulator summary: %d station(s), %.1f s ===%n", stations,
                seconds));
        out.append(String.format(Locale.ROOT, "%-34s %9s %9s %7s %9s %9s %9s %9s%n", "Station -> CSMS (CALL)",
                "sent", "results", "errors", "timeouts", "p50 ms", "p95 ms", "p99 ms"));
        if (s.stationCalls().isEmpty()) {
            out.append("  (none)\n");
        }
        s.stationCalls().forEach((action, c) -> out.append(String.format(Locale.ROOT,
                "  %-32s %9d %9d %7d %9d %9.1f %9.1f %9.1f%n", action, c.sent(), c.results(), c.errors(),
                c.timeouts(), c.p50() / 1000.0, c.p95() / 1000.0, c.p99() / 1000.0)));
        out.append(String.format(Locale.ROOT, "%-34s %9s %9s %7s%n", "CSMS -> station (CALL)", "received",
                "results", "errors"));
        if (s.csmsCalls().isEmpty()) {
            out.append("  (none)\n");
        }
        s.csmsCalls().forEach((action, c) -> out.append(String.format(Locale.ROOT, "  %-32s %9d %9d %7d%n", action,
                c.received(), c.results(), c.errors())));
        out.append("CALLERRORs received: ").append(counts(s.errorsReceived())).append('\n');
        out.append("CALLERRORs sent:     ").append(counts(s.errorsSent())).append('\n');
        out.append("Schema violations:   received ").append(counts(s.violationsReceived())).append("; sent ")
                .append(counts(s.violationsSent())).append('\n');
        s.violationSamples().forEach(v -> out.append("  ").append(v).append('\n'));
        out.append(String.format(Locale.ROOT,
                "Connections:         %d attempts, %d opened, %d closed, failures %s%n", s.connectAttempts(),
                s.connections(), s.disconnects(), counts(s.connectFailures())));
        out.append(String.format(Locale.ROOT, "Sessions:            %d started, %d completed%n", s.sessionsStarted(),
                s.sessionsCompleted()));
        out.append(String.format(Locale.ROOT,
                "Messages:            %d sent, %d received (%.1f/s), %d dropped, %d unreadable%n", s.messagesSent(),
                s.messagesReceived(), (s.messagesSent() + s.messagesReceived()) / Math.max(1e-3, seconds),
                s.droppedMessages(), s.frameErrorsReceived()));
        out.append("Errors:              ").append(s.errorCount()).append('\n');
        return out.toString();
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }
}
