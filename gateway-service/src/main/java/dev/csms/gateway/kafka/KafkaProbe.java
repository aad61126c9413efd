package dev.csms.gateway.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the cluster answers, asked periodically without blocking anyone (the admin client's futures complete on
 * its own thread). Readiness combines it with the outcome of the last send: an idle gateway would otherwise not
 * notice an outage until a station sends something.
 */
public final class KafkaProbe implements AutoCloseable {

    private final Admin admin;
    private final int timeoutMs;
    private final AtomicBoolean reachable = new AtomicBoolean(false);
    private final AtomicBoolean probing = new AtomicBoolean(false);

    public KafkaProbe(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeoutMs = (int) timeout.toMillis();
    }

    /** Starts one probe unless one is still running. */
    public void probe() {
        if (!probing.compareAndSet(false, true)) {
            return;
        }
        admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs)).nodes()
                .whenComplete((nodes, error) -> {
                    reachable.set(error == null && nodes != null && !nodes.isEmpty());
                    probing.set(false);
                });
    }

    /** Whether the last probe reached a broker. */
    public boolean isReachable() {
        return reachable.get();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
