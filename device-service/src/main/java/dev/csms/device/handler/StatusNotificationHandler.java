package dev.csms.device.handler;

import dev.csms.device.alert.AlertRules;
import dev.csms.device.status.StatusReport;
import dev.csms.device.status.StatusTracker;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.StationEvent.StatusNotification;
import dev.csms.runtime.inbound.StationCallHandler;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Records a connector's status from StatusNotification (1.6 and 2.x) as its current status and in the history. A
 * StatusNotification awaits no decision, so the gateway answers it; this handler only records, and applies the
 * Faulted-connector alert rule in the same transaction.
 */
@ApplicationScoped
public class StatusNotificationHandler implements StationCallHandler<StatusNotification> {

    /** The source recorded with the status. */
    public static final String ACTION = "StatusNotification";

    private final StatusTracker tracker;
    private final AlertRules rules;

    StatusNotificationHandler(StatusTracker tracker, AlertRules rules) {
        this.tracker = tracker;
        this.rules = rules;
    }

    @Override
    public Class<StatusNotification> eventClass() {
        return StatusNotification.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> envelope, StatusNotification event) {
        StatusReport report = new StatusReport(event.evseId(), event.connectorId(), event.status(),
                event.originalStatus(), event.errorCode(), event.info(), event.vendorId(), event.vendorErrorCode(),
                event.timestamp());
        return Panache.withTransaction(() -> tracker.record(envelope, ACTION, List.of(report))
                .chain(rules::statusChanged));
    }
}
