package dev.csms.device.handler;

import dev.csms.device.security.SecurityEvents;
import dev.csms.device.service.StationRecords;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.CsmsAnswer.EmptyAnswer;
import dev.csms.ocpp.canonical.StationEvent.SecurityEventNotification;
import dev.csms.runtime.inbound.StationCallHandler;
import dev.csms.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Stores a station's security event (SecurityEventNotification of the 1.6 security extension and 2.x), raises an
 * alert for a critical type, and answers the call, in one transaction. A redelivered call (same event id) is answered
 * again but neither stored nor alerted twice.
 */
@ApplicationScoped
public class SecurityEventNotificationHandler implements StationCallHandler<SecurityEventNotification> {

    private final SecurityEvents events;
    private final Outbox outbox;
    private final StationRecords records;

    SecurityEventNotificationHandler(SecurityEvents events, Outbox outbox, StationRecords records) {
        this.events = events;
        this.outbox = outbox;
        this.records = records;
    }

    @Override
    public Class<SecurityEventNotification> eventClass() {
        return SecurityEventNotification.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> envelope, SecurityEventNotification event) {
        return Panache.withTransaction(() -> events.record(envelope, event)
                .chain(() -> outbox.enqueue(records.answer(CallAnswer.of(envelope.data(), envelope.id(),
                        new EmptyAnswer())))));
    }
}
