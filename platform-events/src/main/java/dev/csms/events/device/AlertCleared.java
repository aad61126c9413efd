package dev.csms.events.device;

import java.time.Instant;
import java.util.Objects;

/**
 * The condition of an alert ended, published on {@code device.alerts} ({@code csms.device.AlertCleared.v1}), keyed
 * by station id; the last event of the alert.
 *
 * @param alertId   the alert's id, as in its {@link AlertRaised}
 * @param stationId the station
 * @param type      the alert's type, as in its {@link AlertRaised}
 * @param subject   the alert's subject, as in its {@link AlertRaised}
 * @param reason    why it was cleared, human-readable
 * @param raisedAt  when it was raised
 * @param clearedAt when device-service cleared it
 */
public record AlertCleared(String alertId, String stationId, String type, String subject, String reason,
        Instant raisedAt, Instant clearedAt) {

    public AlertCleared {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(raisedAt, "raisedAt");
        Objects.requireNonNull(clearedAt, "clearedAt");
    }
}
