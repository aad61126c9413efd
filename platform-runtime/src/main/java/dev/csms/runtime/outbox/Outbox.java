package dev.csms.runtime.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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

    /** Every record of a batch in one statement, in list order (the relay publishes in insertion order). */
    static final String INSERT_ALL = "insert into csms_outbox (topic, record_key, payload, headers) "
            + "select topic, record_key, payload, cast(headers as jsonb) from unnest($1::text[], $2::text[], "
            + "$3::bytea[], $4::text[]) with ordinality as r(topic, record_key, payload, headers, n) order by n";

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

    /**
     * Enqueues records with one statement on a connection of the reactive SQL client, for code that runs its own
     * transaction without Hibernate (set-based batch writes, {@code pool.withTransaction(connection -> ...)}): the
     * records commit or roll back with that transaction, in list order.
     */
    public Uni<Void> enqueueAll(SqlConnection connection, List<OutboxRecord> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = records.size();
        String[] topics = new String[size];
        String[] keys = new String[size];
        Buffer[] payloads = new Buffer[size];
        String[] headers = new String[size];
        for (int i = 0; i < size; i++) {
            OutboxRecord record = records.get(i);
            topics[i] = record.topic();
            keys[i] = record.key();
            payloads[i] = record.value() == null ? null : Buffer.buffer(record.value());
            headers[i] = HeadersJson.write(record.headers());
        }
        return connection.preparedQuery(INSERT_ALL).execute(Tuple.of(topics, keys, payloads, headers))
                .replaceWithVoid();
    }
}
