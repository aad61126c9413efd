package dev.csms.runtime.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes Kafka records into the outbox table inside the caller's reactive transaction, so that a state change
 * and the events it emits commit or roll back together. {@link OutboxRelay} publishes them after the commit.
 *
 * <pre>{@code
 * @WithTransaction
 * Uni<Void> register(Station station) {
 *     return station.persist().chain(() -> outbox.enqueue(OutboxRecord.from(codec.encode(event))));
 * }
 * }</pre>
 */
@ApplicationScoped
public class Outbox {

    static final String INSERT = "insert into csms_outbox (topic, record_key, payload, headers) "
            + "values (:topic, :key, cast(:payload as bytea), cast(cast(:headers as text) as jsonb))";

    /**
     * Enqueues the record in the current Panache reactive transaction ({@code @WithTransaction} or
     * {@code Panache.withTransaction}). Fails with {@link IllegalStateException} outside a transaction: a record
     * written outside one would be published even if the state change it announces rolled back.
     */
    public Uni<Void> enqueue(OutboxRecord record) {
        return Panache.currentTransaction().flatMap(tx -> {
            if (tx == null) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "Outbox.enqueue must run inside a reactive transaction (@WithTransaction or Panache.withTransaction)"));
            }
            return Panache.getSession().flatMap(session -> enqueue(session, record));
        });
    }

    /** Enqueues the record with the given session, for code that manages its own session and transaction. */
    public Uni<Void> enqueue(Mutiny.Session session, OutboxRecord record) {
        return session.createNativeQuery(INSERT)
                .setParameter("topic", record.topic())
                .setParameter("key", record.key())
                .setParameter("payload", record.value())
                .setParameter("headers", HeadersJson.write(record.headers()))
                .executeUpdate()
                .replaceWithVoid();
    }
}
