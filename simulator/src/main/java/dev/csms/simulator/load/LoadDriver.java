package dev.csms.simulator.load;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.BootState;
import dev.csms.simulator.SimulatedStation;
import dev.csms.simulator.Simulator;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Rate-driven traffic over a simulator's accepted stations (the load mode): an open loop that sends
 * {@code ratePerSecond} CALLs of one action per second, spread round robin over the stations, each station with
 * at most one CALL in flight as OCPP requires (a send that falls on a busy or not accepted station is counted as
 * skipped, not queued, so a slow CSMS shows up as skipped load rather than as a growing queue). Round trips are
 * recorded on the wall clock in an HdrHistogram (microseconds, 3 significant digits).
 *
 * <p>The pacing runs on a 1 ms Vert.x timer and computes what is due from the elapsed time, so a late tick
 * catches up instead of drifting.
 */
public final class LoadDriver {

    /** Actions the load mode can send, with a small schema-valid payload for every version. */
    public static final Set<String> ACTIONS = Set.of("Heartbeat", "StatusNotification", "MeterValues", "Authorize");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(5);
    private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

    private final Simulator simulator;

    public LoadDriver(Simulator simulator) {
        this.simulator = simulator;
    }

    /**
     * Sends {@code action} at {@code ratePerSecond} for {@code duration}, then waits (at most 30 s) for the
     * answers in flight. Call from any thread but an event loop.
     */
    public CompletableFuture<LoadResult> run(String action, double ratePerSecond, Duration duration) {
        if (!ACTIONS.contains(action)) {
            throw new IllegalArgumentException("load mode sends " + ACTIONS + ", not " + action);
        }
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        List<SimulatedStation> stations = simulator.stations();
        if (stations.isEmpty()) {
            throw new IllegalStateException("no stations");
        }
        return new Phase(simulator.vertx(), stations, action, ratePerSecond, duration).start();
    }

    /** The CALL payload of an action for a version (station-independent apart from nothing: ids are fixed). */
    public static ObjectNode payload(String action, OcppVersion version) {
        String now = Instant.now().toString();
        ObjectNode payload = JSON.objectNode();
        switch (action) {
            case "Heartbeat" -> {
            }
            case "StatusNotification" -> {
                if (version.isTwoX()) {
                    payload.put("timestamp", now).put("connectorStatus", "Available").put("evseId", 1)
                            .put("connectorId", 1);
                } else {
                    payload.put("connectorId", 1).put("errorCode", "NoError").put("status", "Available")
                            .put("timestamp", now);
                }
            }
            case "MeterValues" -> {
                ObjectNode value = JSON.objectNode().put("timestamp", now);
                if (version.isTwoX()) {
                    value.putArray("sampledValue").addObject().put("value", 1234.5);
                    payload.put("evseId", 1).putArray("meterValue").add(value);
                } else {
                    value.putArray("sampledValue").addObject().put("value", "1234.5");
                    payload.put("connectorId", 1).putArray("meterValue").add(value);
                }
            }
            case "Authorize" -> {
                if (version.isTwoX()) {
                    payload.putObject("idToken").put("idToken", "LOAD-TAG-1").put("type", "ISO14443");
                } else {
                    payload.put("idTag", "LOAD-TAG-1");
                }
            }
            default -> throw new IllegalArgumentException("no payload for " + action);
        }
        return payload;
    }

    private static final class Phase {

        private final Vertx vertx;
        private final List<SimulatedStation> stations;
        private final String action;
        private final double ratePerSecond;
        private final long durationNanos;
        private final AtomicIntegerArray busy;
        private final Recorder latencies = new Recorder(HIGHEST_MICROS, 3);
        private final AtomicLong answered = new AtomicLong();
        private final AtomicLong errors = new AtomicLong();
        private final AtomicLong settled = new AtomicLong();
        private final AtomicLong lastAnswer = new AtomicLong();
        private final CompletableFuture<LoadResult> result = new CompletableFuture<>();
        private long started;
        private long offered;
        private long sent;
        private long skipped;
        private int next;
        private long timer;

        Phase(Vertx vertx, List<SimulatedStation> stations, String action, double ratePerSecond, Duration duration) {
            this.vertx = vertx;
            this.stations = stations;
            this.action = action;
            this.ratePerSecond = ratePerSecond;
            this.durationNanos = duration.toNanos();
            this.busy = new AtomicIntegerArray(stations.size());
        }

        CompletableFuture<LoadResult> start() {
            vertx.runOnContext(v -> {
                started = System.nanoTime();
                lastAnswer.set(started);
                timer = vertx.setPeriodic(1, id -> tick());
            });
            return result;
        }

        /** On the timer's event loop only: the pacing state is not shared. */
        private void tick() {
            long elapsed = System.nanoTime() - started;
            boolean last = elapsed >= durationNanos;
            long due = (long) (ratePerSecond * Math.min(elapsed, durationNanos) / 1e9);
            while (offered < due) {
                offered++;
                int index = next;
                next = (next + 1) % stations.size();
                SimulatedStation station = stations.get(index);
                if (station.bootState() != BootState.ACCEPTED || !busy.compareAndSet(index, 0, 1)) {
                    skipped++;
                    continue;
                }
                sent++;
                long t0 = System.nanoTime();
                station.call(action, payload(action, station.version())).whenComplete((answer, failure) -> {
                    long t1 = System.nanoTime();
                    if (failure == null) {
                        latencies.recordValue(Math.min(HIGHEST_MICROS, TimeUnit.NANOSECONDS.toMicros(t1 - t0)));
                        answered.incrementAndGet();
                    } else {
                        errors.incrementAndGet();
                    }
                    lastAnswer.accumulateAndGet(t1, Math::max);
                    busy.set(index, 0);
                    settled.incrementAndGet();
                });
            }
            if (last) {
                vertx.cancelTimer(timer);
                awaitSettled(System.nanoTime() + SETTLE_TIMEOUT.toNanos());
            }
        }

        private void awaitSettled(long deadline) {
            if (settled.get() >= sent || System.nanoTime() >= deadline) {
                long unanswered = sent - settled.get();
                result.complete(new LoadResult(sent, answered.get(), errors.get() + unanswered, skipped,
                        lastAnswer.get() - started, latencies.getIntervalHistogram()));
                return;
            }
            vertx.setTimer(10, id -> awaitSettled(deadline));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s at %.0f/s over %d stations", action, ratePerSecond,
                    stations.size());
        }
    }
}
