package dev.csms.runtime.outbox;

import dev.csms.runtime.kafka.KafkaClients;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in insertion order and deletes them once the broker acknowledged them
 * (acks=all, idempotent producer). One replica per outbox table relays, decided by a PostgreSQL advisory lock (see
 * {@link OutboxStore}); the others wait and take over when it goes away. A commit wakes the relay through
 * LISTEN/NOTIFY; {@code csms.outbox.poll-interval} is only a safety net.
 *
 * <p>The relay runs on its own thread and blocks there on the database and on Kafka acknowledgements; it never
 * touches an event loop. When Kafka fails it keeps the rows, backs off and retries with a new producer.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final OutboxConfig config;
    private final InjectableInstance<Pool> pools;
    private final KafkaClients kafka;
    private final Semaphore wakeups = new Semaphore(0);
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failedRounds = new AtomicLong();
    private volatile boolean relaying;
    private Thread thread;

    OutboxRelay(OutboxConfig config, InjectableInstance<Pool> pools, KafkaClients kafka) {
        this.config = config;
        this.pools = pools;
        this.kafka = kafka;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled (csms.outbox.relay-enabled=false)");
            return;
        }
        List<Pool> active = pools.listActive();
        if (active.isEmpty()) {
            // A service without a datasource (the gateway) has no outbox to relay.
            LOG.debug("No active reactive datasource: no outbox relay");
            return;
        }
        Pool pool = active.get(0);
        Map<String, Object> producerConfig = kafka.reliableProducerConfig("csms-outbox-relay", config.producer());
        Duration deliveryTimeout = Duration.ofMillis(
                Long.parseLong(producerConfig.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG).toString()));
        OutboxStore store = new OutboxStore(pool, STATEMENT_TIMEOUT, wakeups::release);
        OutboxPublisher publisher = new OutboxPublisher(() -> new KafkaProducer<>(producerConfig),
                deliveryTimeout.plusSeconds(5));
        thread = new Thread(() -> run(store, publisher), "csms-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping.countDown();
        wakeups.release();
        if (thread != null) {
            try {
                thread.join(STATEMENT_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether this replica currently holds the outbox lock and relays. */
    public boolean isRelaying() {
        return relaying;
    }

    /** Records published and deleted since start. */
    public long publishedCount() {
        return published.get();
    }

    /** Rounds that failed (Kafka or database) since start; each is retried. */
    public long failedRounds() {
        return failedRounds.get();
    }

    /** Wakes the relay at once, as a commit notification would. */
    public void wakeUp() {
        wakeups.release();
    }

    private void run(OutboxStore store, OutboxPublisher publisher) {
        Duration backoff = config.initialBackoff();
        try (publisher) {
            while (!stopped()) {
                try {
                    if (!store.holdsLock()) {
                        relaying = false;
                        if (!store.tryAcquire()) {
                            await(config.lockRetryInterval());
                            continue;
                        }
                        relaying = true;
                    }
                    List<OutboxRow> rows = store.fetch(config.batchSize());
                    if (rows.isEmpty()) {
                        awaitWakeup();
                        continue;
                    }
                    OutboxPublisher.Outcome outcome = publisher.publish(rows);
                    store.delete(outcome.deletable());
                    published.addAndGet(outcome.deletable().size());
                    if (outcome.allPublished()) {
                        backoff = config.initialBackoff();
                    } else {
                        failedRounds.incrementAndGet();
                        LOG.warnf("Outbox: %d of %d records not acknowledged by Kafka (%s); retrying in %s",
                                outcome.failed(), rows.size(), outcome.firstFailure(), backoff);
                        await(backoff);
                        backoff = next(backoff);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    failedRounds.incrementAndGet();
                    LOG.errorf(e, "Outbox relay round failed; retrying in %s", backoff);
                    store.release();
                    relaying = false;
                    awaitQuietly(backoff);
                    backoff = next(backoff);
                }
            }
        } finally {
            relaying = false;
            store.release();
        }
    }

    private Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : doubled;
    }

    private boolean stopped() {
        return stopping.getCount() == 0;
    }

    /** Waits for a commit notification, a wakeUp(), the poll interval or shutdown, whichever comes first. */
    private void awaitWakeup() throws InterruptedException {
        wakeups.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        wakeups.drainPermits();
    }

    /** Waits for the duration or shutdown; commit notifications do not cut a backoff short. */
    private void await(Duration duration) throws InterruptedException {
        stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void awaitQuietly(Duration duration) {
        try {
            await(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
