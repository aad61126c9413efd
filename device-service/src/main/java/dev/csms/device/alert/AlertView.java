package dev.csms.device.alert;

import dev.csms.events.device.AlertSeverity;
import java.time.Instant;

/** An alert as the operator API shows it; {@code state} is {@code active} or {@code cleared}. */
public record AlertView(String id, String stationId, AlertType type, String subject, AlertSeverity severity,
        String message, String state, Instant raisedAt, Instant clearedAt, String clearReason, boolean acknowledged,
        String acknowledgedBy, Instant acknowledgedAt) {

    static AlertView of(Alert a) {
        return new AlertView(a.id, a.stationId, a.type, a.subject, a.severity, a.message,
                a.active ? "active" : "cleared", a.raisedAt, a.clearedAt, a.clearReason, a.acknowledged,
                a.acknowledgedBy, a.acknowledgedAt);
    }
}
