package dev.csms.simulator.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that only moves when told to, for tests and benchmarks that must not wait real minutes.
 * {@link #advance(Duration)} moves the time forward and runs every task that falls due, in due order, on the
 * calling thread (stations then move each task onto their own event loop). Thread-safe.
 *
 * <p>Stations run their tasks on their own event loops. So that a task's effects (the messages it sends, the
 * answers they get, the follow-up timers it sets) happen at the task's own time and not somewhere later in the
 * step, {@code advance} calls the settle hooks after each due time's tasks before moving on: a
 * {@link dev.csms.simulator.Simulator} on this clock registers one that waits until its stations are quiet.
 * Call {@code advance} from a test or driver thread, never from an event loop.
 */
public final class ManualClock implements SimClock {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private final List<Runnable> settleHooks = new CopyOnWriteArrayList<>();
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

    /**
     * Moves the time forward by {@code step} and runs every task due by then, earliest first; after the tasks of
     * each due time, the settle hooks run.
     */
    public void advance(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("time cannot go back: " + step);
        }
        Instant target;
        synchronized (this) {
            target = now.plus(step);
        }
        while (true) {
            List<Task> due = new ArrayList<>();
            synchronized (this) {
                Task next = tasks.peek();
                if (next == null || next.due.isAfter(target)) {
                    now = target;
                    return;
                }
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
                while (tasks.peek() != null && !tasks.peek().due.isAfter(now)) {
                    due.add(tasks.poll());
                }
            }
            due.forEach(task -> task.task.run());
            settleHooks.forEach(Runnable::run);
        }
    }

    /** Adds a hook that {@link #advance} runs after the tasks of each due time (e.g. "wait until quiet"). */
    public void addSettleHook(Runnable hook) {
        settleHooks.add(hook);
    }

    /** Removes a settle hook. */
    public void removeSettleHook(Runnable hook) {
        settleHooks.remove(hook);
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
