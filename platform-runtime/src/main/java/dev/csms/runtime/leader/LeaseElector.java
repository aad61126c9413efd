package dev.csms.runtime.leader;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Contends for a Kubernetes Lease with fabric8's {@link LeaderElector} and keeps contending after it lost
 * leadership, until {@link #stop()}. Not a CDI bean, so that a test can run several against one API server.
 */
public final class LeaseElector {

    private static final Logger LOG = Logger.getLogger(LeaseElector.class);

    private final KubernetesClient client;
    private final LeaseSettings settings;
    private final Consumer<Boolean> onChange;
    private final AtomicBoolean leader = new AtomicBoolean();
    private final ExecutorService executor;
    private volatile boolean stopped;
    private CompletableFuture<?> round;

    /**
     * @param client client of the API server holding the Lease
     * @param settings the Lease and its timings
     * @param onChange called with {@code true} when this contender starts leading and {@code false} when it stops;
     *        called on the elector's own thread
     */
    public LeaseElector(KubernetesClient client, LeaseSettings settings, Consumer<Boolean> onChange) {
        this.client = client;
        this.settings = settings;
        this.onChange = onChange;
        // The fabric8 client calls block on HTTP; they get their own thread, never a Vert.x event loop.
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "csms-leader-elector-" + settings.leaseName());
            t.setDaemon(true);
            return t;
        });
    }

    public boolean isLeader() {
        return leader.get();
    }

    public String identity() {
        return settings.identity();
    }

    /** Starts contending; returns at once. */
    public synchronized void start() {
        if (stopped) {
            throw new IllegalStateException("elector already stopped");
        }
        LOG.infof("Contending for Lease %s/%s as %s", settings.namespace(), settings.leaseName(), settings.identity());
        startRound();
    }

    /**
     * Stops contending. If this contender leads, it releases the Lease before returning, so another replica takes
     * over within one retry period instead of waiting for the Lease to expire.
     */
    public void stop() {
        CompletableFuture<?> current;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            current = round;
        }
        if (current != null) {
            // Cancelling runs fabric8's stopLeading (the release) synchronously on this thread.
            current.cancel(true);
        }
        setLeader(false);
        executor.shutdown();
        try {
            executor.awaitTermination(settings.renewDeadline().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void startRound() {
        if (stopped) {
            return;
        }
        // A LeaderElector and its lock are single-use: once leadership is lost it stays stopped.
        LeaderElector elector = new LeaderElector(client, new LeaderElectionConfigBuilder()
                .withName(settings.leaseName())
                .withLock(new LeaseLock(settings.namespace(), settings.leaseName(), settings.identity()))
                .withLeaseDuration(settings.leaseDuration())
                .withRenewDeadline(settings.renewDeadline())
                .withRetryPeriod(settings.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(() -> setLeader(true), () -> setLeader(false), newLeader -> {
                    LOG.debugf("Lease %s is now held by %s", settings.leaseName(), newLeader);
                }))
                .build(), executor);
        CompletableFuture<?> future = elector.start();
        round = future;
        future.whenComplete((ignored, failure) -> {
            setLeader(false);
            if (!stopped) {
                if (failure != null) {
                    LOG.warnf(failure, "Leader election round for Lease %s ended with an error; contending again",
                            settings.leaseName());
                } else {
                    LOG.infof("Lost Lease %s; contending again", settings.leaseName());
                }
                startRound();
            }
        });
    }

    private void setLeader(boolean value) {
        if (leader.compareAndSet(!value, value)) {
            LOG.infof("%s leadership of Lease %s/%s (%s)", value ? "Acquired" : "Gave up", settings.namespace(),
                    settings.leaseName(), settings.identity());
            onChange.accept(value);
        }
    }
}
