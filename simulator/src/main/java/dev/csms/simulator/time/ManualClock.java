package dev.csms.simulator.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A clock that only moves when told to, for tests and benchmarks that must not wait real minutes.
 * {@link #advance(Duration)} moves the time forward and runs every task that falls due, in due order, on the
 * calling thread (stations then move each task onto their own event loop). Thread-safe.
 *
 * <p>Tasks run on stations' event loops after {@code advance} returns, so a task that schedules a follow-up
 * does so relative to the time {@code advance} reached. Advance in steps no longer than the shortest period
 * under test (and wait for its effect) when follow-ups matter.
 */
public final class ManualClock implements SimClock {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private Instant now;
    private long sequence;

    /** A clock standing at the given instant. */
    public ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Timer schedule(Duration delay, Runnable task) {
        Duration wait = delay.isNegative() ? Duration.ZERO : delay;
        Task scheduled = new Task(now.plus(wait), sequence++, Objects.requireNonNull(task, "task"));
        tasks.add(scheduled);
        return () -> cancel(scheduled);
    }

    /** Moves the time forward by {@code step} and runs every task due by then, earliest first. */
    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("time cannot go back: " + step);
        }
        Instant target;
        synchronized (this) {
            target = now.plus(step);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due.isAfter(target)) {
                    now = target;
                    return;
                }
                tasks.poll();
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
            }
            next.task.run();
        }
    }

    /** Runs the tasks that are already due, without moving the time. */
    public void runDueTasks() {
        advance(Duration.ZERO);
    }

    /** When the earliest pending task falls due, if there is one. */
    public synchronized Optional<Instant> nextDue() {
        return Optional.ofNullable(tasks.peek()).map(t -> t.due);
    }

    /** The due times of every pending task, earliest first. */
    public synchronized List<Instant> pendingDueTimes() {
        List<Task> copy = new ArrayList<>(tasks);
        copy.sort(null);
        return copy.stream().map(t -> t.due).toList();
    }

    private synchronized void cancel(Task task) {
        tasks.remove(task);
    }

    private record Task(Instant due, long sequence, Runnable task) implements Comparable<Task> {
        @Override
        public int compareTo(Task other) {
            int byDue = due.compareTo(other.due);
            return byDue != 0 ? byDue : Long.compare(sequence, other.sequence);
        }
    }
}
