package dev.csms.gateway.metrics;

import dev.csms.events.ocpp.CommandOutcome;
import dev.csms.ocpp.OcppVersion;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The gateway's meters (Prometheus names in docs/gateway.md). Tags have bounded values: actions are the OCPP
 * catalog's (anything else is {@code unknown}), outcomes and reasons are fixed words of this class's callers.
 */
public final class GatewayMetrics {

    /** Direction of a message. */
    public enum Direction {
        /** From a station. */
        in,
        /** To a station. */
        out
    }

    /** Lowest bucket of the latency histograms: below a millisecond is "fast", whatever the exact value. */
    public static final Duration MIN_EXPECTED_LATENCY = Duration.ofMillis(1);
    /** Highest finite bucket: the producer's delivery timeout is 15 s, a decision's deadline a few seconds. */
    public static final Duration MAX_EXPECTED_LATENCY = Duration.ofSeconds(30);

    private final MeterRegistry registry;
    private final AtomicInteger[][] connections = new AtomicInteger[OcppVersion.values().length][4];
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    /** {@code csms.gateway.messages} by direction (ordinal), action and outcome. */
    @SuppressWarnings("unchecked")
    private final Map<String, Map<String, Counter>>[] messages = new Map[Direction.values().length];
    private final Timer publishLatency;
    private final Timer decisionLatency;
    private final AtomicInteger handshakesInProgress = new AtomicInteger();
    private final AtomicInteger queuedCommands = new AtomicInteger();
    private final AtomicInteger pendingDecisions = new AtomicInteger();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Direction direction : Direction.values()) {
            messages[direction.ordinal()] = new ConcurrentHashMap<>();
        }
        for (OcppVersion version : OcppVersion.values()) {
            for (int profile = 0; profile < 4; profile++) {
                AtomicInteger count = new AtomicInteger();
                connections[version.ordinal()][profile] = count;
                Gauge.builder("csms.gateway.connections", count, AtomicInteger::get)
                        .description("Open station connections")
                        .tag("version", version.label()).tag("profile", String.valueOf(profile))
                        .register(registry);
            }
        }
        publishLatency = latencyHistogram("csms.gateway.publish.latency",
                "From send to Kafka's acknowledgement (acks=all)");
        decisionLatency = latencyHistogram("csms.gateway.decision.latency",
                "From a StationCall needing a decision to the service's answer");
        Gauge.builder("csms.gateway.handshakes.in.progress", handshakesInProgress, AtomicInteger::get)
                .description("Upgrades being authenticated").register(registry);
        Gauge.builder("csms.gateway.commands.queued", queuedCommands, AtomicInteger::get)
                .description("Commands waiting in the per-station queues, plus the outstanding ones")
                .register(registry);
        Gauge.builder("csms.gateway.decisions.pending", pendingDecisions, AtomicInteger::get)
                .description("Station requests waiting for a service's decision").register(registry);
    }

    /**
     * A latency timer published as Prometheus histogram buckets, not as client-side percentiles: recording is a
     * bucket increment (the publish latency is recorded on the producer's one I/O thread for every record, where a
     * percentile's synchronized ring-buffer update costs), and buckets aggregate over replicas
     * ({@code histogram_quantile(0.99, sum by (le) (rate(..._bucket[1m])))}), which per-replica quantiles cannot.
     */
    private Timer latencyHistogram(String name, String description) {
        return Timer.builder(name).description(description)
                .publishPercentileHistogram()
                .minimumExpectedValue(MIN_EXPECTED_LATENCY)
                .maximumExpectedValue(MAX_EXPECTED_LATENCY)
                .register(registry);
    }

    /** Registers a gauge read from elsewhere (e.g. unacknowledged bytes). */
    public void gauge(String name, String description, Supplier<Number> value) {
        Gauge.builder(name, value).description(description).register(registry);
    }

    public void connectionOpened(OcppVersion version, int profile) {
        connections[version.ordinal()][profile].incrementAndGet();
    }

    public void connectionClosed(OcppVersion version, int profile) {
        connections[version.ordinal()][profile].decrementAndGet();
    }

    /** A message by action, direction and outcome, e.g. ({@code StatusNotification}, in, {@code accepted}). */
    public void message(String action, Direction direction, String outcome) {
        // every inbound message counts once: found by two lookups, without building a key string per message
        Map<String, Counter> byOutcome = messages[direction.ordinal()].get(action);
        if (byOutcome == null) {
            byOutcome = messages[direction.ordinal()].computeIfAbsent(action, a -> new ConcurrentHashMap<>());
        }
        Counter counter = byOutcome.get(outcome);
        if (counter == null) {
            counter = byOutcome.computeIfAbsent(outcome, o -> Counter.builder("csms.gateway.messages")
                    .description("OCPP messages by action, direction and outcome")
                    .tags("action", action, "direction", direction.name(), "outcome", o).register(registry));
        }
        counter.increment();
    }

    /** A CALLRESULT or CALLERROR whose id matches no outstanding CALL: dropped. */
    public void unmatchedResult(String messageType) {
        increment("csms.gateway.results.unmatched", "Station results whose message id matched no outstanding CALL",
                "type", messageType);
    }

    /** An upgrade refused, by reason (identity, subprotocol, capacity, unauthorized, forbidden, draining). */
    public void handshakeRejected(String reason) {
        increment("csms.gateway.handshakes.rejected", "Refused WebSocket upgrades by reason", "reason", reason);
    }

    /** A connection ended, by reason. */
    public void disconnected(String reason) {
        increment("csms.gateway.disconnects", "Closed station connections by reason", "reason", reason);
    }

    /** A command result published, by outcome. */
    public void commandResult(CommandOutcome outcome) {
        increment("csms.gateway.commands", "Command results published by outcome", "outcome", outcome.name());
    }

    public void publishLatency(long nanos) {
        publishLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void decisionLatency(long nanos) {
        decisionLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    public AtomicInteger handshakesInProgress() {
        return handshakesInProgress;
    }

    public AtomicInteger queuedCommands() {
        return queuedCommands;
    }

    public AtomicInteger pendingDecisions() {
        return pendingDecisions;
    }

    /** Count of a counter, 0 when it was never incremented (for tests and the operator endpoint). */
    public double counted(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    private void increment(String name, String description, String... tags) {
        String key = name + String.join("\u0000", tags);
        counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(tags)
                .register(registry)).increment();
    }
}
