package dev.csms.device.security;

import dev.csms.runtime.persistence.Counts;
import dev.csms.device.alert.AlertType;
import dev.csms.device.alert.Alerts;
import dev.csms.device.config.DeviceConfig;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.StationEvent.SecurityEventNotification;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * Stores a reported security event once per call, in the caller's transaction; a type listed in
 * {@code csms.device.security-events.critical-types} raises a {@link AlertType#SecurityEvent} alert (subject: the
 * type), once while it is active: it has no condition that ends by itself, so an operator's acknowledgement clears it.
 */
@ApplicationScoped
public class SecurityEvents {

    private final Alerts alerts;
    private final Set<String> critical;

    SecurityEvents(Alerts alerts, DeviceConfig config) {
        this.alerts = alerts;
        this.critical = config.securityEvents().criticalTypes();
    }

    public Uni<Void> record(EventEnvelope<StationCall> envelope, SecurityEventNotification event) {
        StationCall call = envelope.data();
        return Counts.count(SecurityEvent.class, "stationId = ?1 and callId = ?2", call.stationId(), envelope.id()).chain(seen -> {
            if (seen > 0) {
                return Uni.createFrom().voidItem();
            }
            SecurityEvent stored = new SecurityEvent();
            stored.stationId = call.stationId();
            stored.callId = envelope.id();
            stored.eventType = event.eventType();
            stored.occurredAt = event.timestamp();
            stored.techInfo = event.techInfo();
            stored.critical = critical.contains(event.eventType());
            stored.ocppVersion = call.ocppVersion().label();
            stored.receivedAt = call.receivedAt();
            Uni<Void> persisted = stored.persist().replaceWithVoid();
            if (!stored.critical) {
                return persisted;
            }
            return persisted.chain(() -> alerts.raise(call.stationId(), AlertType.SecurityEvent, event.eventType(),
                    "security event " + event.eventType() + " at " + event.timestamp()
                            + (event.techInfo() == null ? "" : ": " + event.techInfo())))
                    .replaceWithVoid();
        });
    }
}
