package dev.csms.simulator.time;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The wall clock with Vert.x timers: a timer set from a station's event-loop context fires on that context,
 * so no thread is held per station.
 */
public final class VertxClock implements SimClock {

    private final Vertx vertx;
    private final Clock clock;

    /** Timers on this Vert.x instance, time from the system UTC clock. */
    public VertxClock(Vertx vertx) {
        this(vertx, Clock.systemUTC());
    }

    /** Timers on this Vert.x instance, time from the given clock. */
    public VertxClock(Vertx vertx, Clock clock) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        long millis = delay.toMillis();
        if (millis < 1) {
            // Vert.x timers need at least 1 ms; a zero delay means "next turn of the event loop".
            vertx.getOrCreateContext().runOnContext(v -> task.run());
            return () -> { };
        }
        long id = vertx.setTimer(millis, ignored -> task.run());
        return () -> vertx.cancelTimer(id);
    }
}
