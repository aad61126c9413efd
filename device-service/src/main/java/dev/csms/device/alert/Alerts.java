package dev.csms.device.alert;

import dev.csms.device.config.DeviceConfig;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.device.AlertCleared;
import dev.csms.events.device.AlertRaised;
import dev.csms.runtime.outbox.Outbox;
import dev.csms.runtime.outbox.OutboxRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Raises and clears alerts in the caller's transaction, with their {@code device.alerts} events in the outbox of
 * that same transaction. An alert is raised once per (station, type, subject) while it is active: raising it
 * again changes nothing, and so does clearing an alert that is not active. (A concurrent raise on another replica
 * fails on the partial unique index and is retried, then finds the active alert.) {@link #raiseAll} does the same for
 * many alerts at once with set-based SQL, for the batched reconnect path (docs/adr/0006).
 */
@ApplicationScoped
public class Alerts {

    private static final Logger LOG = Logger.getLogger(Alerts.class);
    /** New alerts, skipping any that is active (the partial unique index {@code alert_active_once}). */
    static final String INSERT_ACTIVE = "insert into alert (id, station_id, type, subject, severity, message, active, "
            + "raised_at) select id, station_id, type, subject, severity, message, true, $7::timestamptz "
            + "from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) "
            + "as u(id, station_id, type, subject, severity, message) "
            + "on conflict (station_id, type, subject) where active do nothing returning id";

    private final Outbox outbox;
    private final Topics topics;
    private final Clock clock;
    private final String source;
    private final EventCodec codec = new EventCodec();

    Alerts(Outbox outbox, Topics topics, Clock clock, DeviceConfig config) {
        this.outbox = outbox;
        this.topics = topics;
        this.clock = clock;
        this.source = config.eventSource();
    }

    /** Raises the alert unless it is active; true when raised now. */
    public Uni<Boolean> raise(String stationId, AlertType type, String subject, String message) {
        return active(stationId, type, subject).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(false);
            }
            Alert alert = new Alert();
            alert.id = UUID.randomUUID().toString();
            alert.stationId = stationId;
            alert.type = type;
            alert.subject = subject;
            alert.severity = type.severity();
            alert.message = message;
            alert.active = true;
            alert.raisedAt = clock.instant();
            OutboxRecord event = raised(alert.id, new Raise(stationId, type, subject, message), alert.raisedAt);
            return alert.persist().chain(() -> outbox.enqueue(event)).replaceWith(true);
        });
    }

    /** An alert to raise unless it is active. */
    public record Raise(String stationId, AlertType type, String subject, String message) {
    }

    /** Raises the alert unless it is active; true when raised now. */
    public Uni<Boolean> raise(Raise raise) {
        return raise(raise.stationId(), raise.type(), raise.subject(), raise.message());
    }

    /**
     * Raises each alert unless it is active (of one station, type and subject at most one in the list), in the
     * connection's transaction, with one insert for all and their events in the outbox of that transaction: the
     * effects of {@link #raise} for each.
     *
     * @return how many were raised now
     */
    public Uni<Integer> raiseAll(SqlConnection connection, List<Raise> raises) {
        if (raises.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = raises.size();
        String[] ids = new String[n];
        String[] stations = new String[n];
        String[] types = new String[n];
        String[] subjects = new String[n];
        String[] severities = new String[n];
        String[] messages = new String[n];
        for (int i = 0; i < n; i++) {
            Raise raise = raises.get(i);
            ids[i] = UUID.randomUUID().toString();
            stations[i] = raise.stationId();
            types[i] = raise.type().name();
            subjects[i] = raise.subject();
            severities[i] = raise.type().severity().name();
            messages[i] = raise.message();
        }
        Instant raisedAt = clock.instant();
        return connection.preparedQuery(INSERT_ACTIVE).execute(Tuple.from(Arrays.<Object>asList(ids, stations, types,
                        subjects, severities, messages, raisedAt.atOffset(ZoneOffset.UTC))))
                .chain(rows -> {
                    Set<String> inserted = new HashSet<>();
                    for (Row row : rows) {
                        inserted.add(row.getString("id"));
                    }
                    List<OutboxRecord> events = new ArrayList<>(inserted.size());
                    for (int i = 0; i < n; i++) {
                        if (inserted.contains(ids[i])) {
                            events.add(raised(ids[i], raises.get(i), raisedAt));
                        }
                    }
                    return outbox.enqueueAll(connection, events).replaceWith(events.size());
                });
    }

    /** Clears the alert if it is active; true when cleared now. */
    public Uni<Boolean> clear(String stationId, AlertType type, String subject, String reason) {
        return active(stationId, type, subject).chain(alert -> {
            if (alert == null) {
                return Uni.createFrom().item(false);
            }
            return clear(alert, reason).replaceWith(true);
        });
    }

    /** Clears an active alert, locked by the caller. */
    public Uni<Void> clear(Alert alert, String reason) {
        alert.active = false;
        alert.clearedAt = clock.instant();
        alert.clearReason = reason;
        LOG.infof("Alert %s of station %s (%s) cleared: %s", alert.type, alert.stationId, alert.subject, reason);
        AlertCleared event = new AlertCleared(alert.id, alert.stationId, alert.type.name(), alert.subject, reason,
                alert.raisedAt, alert.clearedAt);
        return outbox.enqueue(record(alert.stationId,
                EventEnvelope.create(EventTypes.ALERT_CLEARED, source, alert.stationId, event, clock)));
    }

    private static Uni<Alert> active(String stationId, AlertType type, String subject) {
        return Alert.<Alert>find("stationId = ?1 and type = ?2 and subject = ?3 and active = true", stationId, type,
                subject).withLock(LockModeType.PESSIMISTIC_WRITE).<Alert>firstResult();
    }

    /** Logs a raised alert; its AlertRaised event for the outbox. */
    private OutboxRecord raised(String alertId, Raise raise, Instant raisedAt) {
        LOG.infof("Alert %s raised for station %s (%s): %s", raise.type(), raise.stationId(), raise.subject(),
                raise.message());
        AlertRaised event = new AlertRaised(alertId, raise.stationId(), raise.type().name(), raise.subject(),
                raise.type().severity(), raise.message(), raisedAt);
        return record(raise.stationId(), EventEnvelope.create(EventTypes.ALERT_RAISED, source, raise.stationId(), event,
                clock));
    }

    private OutboxRecord record(String stationId, EventEnvelope<?> envelope) {
        return OutboxRecord.from(codec.toRecord(topics.name(Topics.DEVICE_ALERTS), envelope));
    }
}
