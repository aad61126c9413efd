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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Raises and clears alerts in the caller's transaction, with their {@code device.alerts} events in the outbox of
 * that same transaction. An alert is raised once per (station, type, subject) while it is active: raising it
 * again changes nothing, and so does clearing an alert that is not active. (A concurrent raise on another replica
 * fails on the partial unique index and is retried, then finds the active alert.)
 */
@ApplicationScoped
public class Alerts {

    private static final Logger LOG = Logger.getLogger(Alerts.class);

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
            LOG.infof("Alert %s raised for station %s (%s): %s", type, stationId, subject, message);
            AlertRaised event = new AlertRaised(alert.id, stationId, type.name(), subject, alert.severity, message,
                    alert.raisedAt);
            return alert.persist().chain(() -> outbox.enqueue(record(stationId,
                    EventEnvelope.create(EventTypes.ALERT_RAISED, source, stationId, event, clock))))
                    .replaceWith(true);
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

    private OutboxRecord record(String stationId, EventEnvelope<?> envelope) {
        return OutboxRecord.from(codec.toRecord(topics.name(Topics.DEVICE_ALERTS), envelope));
    }
}
