package dev.csms.simulator.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Where simulated stations get the time and their timers from. Injected so that heartbeats, meter values,
 * reservations, firmware steps and reconnect back-off can be tested without waiting: tests use
 * {@link ManualClock}, a real run {@link VertxClock}.
 *
 * <p>A task may run on any thread; each station moves its own tasks onto its event-loop context, so an
 * implementation need not care which thread it runs them on.
 */
public interface SimClock {

    /** The current time. */
    Instant now();

    /**
     * Runs a task once after a delay.
     *
     * @param delay how long to wait; zero or negative runs it as soon as possible
     * @param task  what to run
     * @return a handle that cancels the task if it has not run yet
     */
    Timer schedule(Duration delay, Runnable task);

    /** A scheduled task. */
    @FunctionalInterface
    interface Timer {
        /** Cancels the task; does nothing if it already ran or was cancelled. */
        void cancel();
    }
}
