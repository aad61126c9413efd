package dev.csms.runtime.leader;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Whether this process leads, for singleton background work. Guard a periodic job with {@link #isLeader()}, or
 * start and stop long-running work on {@link #changes()} or the CDI event {@link LeadershipChanged}.
 */
@ApplicationScoped
public class LeaderStatus {

    private final Event<LeadershipChanged> events;
    private final List<MultiEmitter<? super Boolean>> watchers = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile boolean leader;

    LeaderStatus(Event<LeadershipChanged> events) {
        this.events = events;
    }

    public boolean isLeader() {
        return leader;
    }

    /**
     * The leadership of this process: the current value on subscription, then every change. Items arrive on the
     * elector's thread; move heavy work elsewhere.
     */
    public Multi<Boolean> changes() {
        return Multi.createFrom().emitter(emitter -> {
            // Under the lock so that no change slips in between registering and reading the current value.
            synchronized (lock) {
                watchers.add(emitter);
                emitter.onTermination(() -> watchers.remove(emitter));
                emitter.emit(leader);
            }
        });
    }

    void update(boolean value) {
        synchronized (lock) {
            if (leader == value) {
                return;
            }
            leader = value;
            watchers.forEach(w -> w.emit(value));
        }
        events.fire(new LeadershipChanged(value));
    }
}
