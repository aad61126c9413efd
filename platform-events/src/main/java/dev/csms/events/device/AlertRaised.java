package dev.csms.events.device;

import java.time.Instant;
import java.util.Objects;

/**
 * device-service raised an alert about a station, published on {@code device.alerts}
 * ({@code csms.device.AlertRaised.v1}), keyed by station id. An alert is raised once per station, type and subject
 * while it is active; {@link AlertCleared} with the same {@code alertId} ends it.
 *
 * @param alertId   the alert's id (a UUID), as in device-service's alert API
 * @param stationId the station
 * @param type      what is wrong: {@code StationOffline}, {@code ConnectorFaulted}, {@code RepeatedDisconnects},
 *                  {@code BootLoop}, {@code SecurityEvent}, {@code VendorModelMismatch}; more may be added, so a
 *                  consumer treats an unknown type as a generic alert
 * @param subject   what the alert is about within the station, e.g. {@code station}, {@code evse/1/connector/1},
 *                  {@code connection}, a security event type
 * @param severity  how urgent it is
 * @param message   a human-readable description
 * @param raisedAt  when device-service raised it
 */
public record AlertRaised(String alertId, String stationId, String type, String subject, AlertSeverity severity,
        String message, Instant raisedAt) {

    public AlertRaised {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(raisedAt, "raisedAt");
    }
}
