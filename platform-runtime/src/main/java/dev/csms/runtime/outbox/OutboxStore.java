package dev.csms.runtime.outbox;

import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The relay's side of the outbox table, over one connection held for as long as this replica is the relay. The
 * connection holds a PostgreSQL session-level advisory lock keyed by the table's OID, so exactly one replica per
 * outbox table relays; if the connection (or the process) dies, PostgreSQL releases the lock and another replica
 * takes over. The same connection LISTENs for the commit notifications of the table's trigger.
 *
 * <p>Every method blocks on the reactive client: they are called from the relay's own thread only, never from an
 * event loop.
 */
final class OutboxStore {

    private static final Logger LOG = Logger.getLogger(OutboxStore.class);
    static final String CHANNEL = "csms_outbox";

    private final Pool pool;
    private final Duration timeout;
    private final Runnable onNotification;
    private volatile SqlConnection connection;
    private String table;
    private volatile boolean lost;

    /**
     * @param pool the service's reactive pool
     * @param timeout the longest a statement may take before the relay gives up the connection
     * @param onNotification called (on an event loop) when a transaction that wrote to this outbox committed
     */
    OutboxStore(Pool pool, Duration timeout, Runnable onNotification) {
        this.pool = pool;
        this.timeout = timeout;
        this.onNotification = onNotification;
    }

    boolean holdsLock() {
        return connection != null && !lost;
    }

    /** Tries to become the relay of this outbox table; true when this replica holds the lock now. */
    boolean tryAcquire() {
        release();
        SqlConnection conn = pool.getConnection().await().atMost(timeout);
        try {
            Row row = conn.query("select to_regclass('csms_outbox')::oid::bigint as lock_key, "
                    + "(select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    + "where c.oid = to_regclass('csms_outbox')) as qualified")
                    .execute().await().atMost(timeout).iterator().next();
            Long key = row.getLong("lock_key");
            if (key == null) {
                throw new IllegalStateException("table csms_outbox not found: add classpath:db/runtime to "
                        + "quarkus.flyway.locations (and quarkus.flyway.migrate-at-start=true)");
            }
            Boolean locked = conn.preparedQuery("select pg_try_advisory_lock($1) as locked").execute(Tuple.of(key))
                    .await().atMost(timeout).iterator().next().getBoolean("locked");
            if (!Boolean.TRUE.equals(locked)) {
                conn.closeAndAwait();
                return false;
            }
            String qualified = row.getString("qualified");
            PgConnection pg = PgConnection.cast(conn);
            pg.notificationHandler(n -> {
                if (qualified.equals(n.getPayload())) {
                    onNotification.run();
                }
            });
            pg.closeHandler(() -> {
                if (connection == conn) {
                    lost = true;
                }
            });
            conn.query("LISTEN " + CHANNEL).execute().await().atMost(timeout);
            connection = conn;
            table = qualified;
            lost = false;
            LOG.infof("This replica relays outbox %s (advisory lock %d)", qualified, key);
            return true;
        } catch (RuntimeException e) {
            conn.closeAndForget();
            throw e;
        }
    }

    /** The oldest rows, in insertion order. */
    List<OutboxRow> fetch(int limit) {
        List<OutboxRow> rows = new ArrayList<>();
        for (Row row : connection.preparedQuery(
                "select id, topic, record_key, payload, headers::text as headers from csms_outbox order by id limit $1")
                .execute(Tuple.of(limit)).await().atMost(timeout)) {
            var payload = row.getBuffer("payload");
            rows.add(new OutboxRow(row.getLong("id"), new OutboxRecord(row.getString("topic"), row.getString("record_key"),
                    payload == null ? null : payload.getBytes(), HeadersJson.read(row.getString("headers")))));
        }
        return rows;
    }

    void delete(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        connection.preparedQuery("delete from csms_outbox where id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new))).await().atMost(timeout);
    }

    /**
     * Gives up the lock. The connection goes back to the pool, so the session's lock and LISTEN are dropped
     * explicitly first; if that fails the session is broken and PostgreSQL has dropped them with it.
     */
    void release() {
        SqlConnection conn = connection;
        connection = null;
        if (conn == null) {
            return;
        }
        LOG.infof("This replica stops relaying outbox %s", table);
        try {
            if (!lost) {
                conn.query("UNLISTEN " + CHANNEL).execute().await().atMost(timeout);
                conn.query("select pg_advisory_unlock_all()").execute().await().atMost(timeout);
            }
        } catch (RuntimeException e) {
            LOG.debugf(e, "Releasing the outbox lock failed; the session is gone");
        } finally {
            conn.closeAndForget();
        }
    }
}
