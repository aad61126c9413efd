package dev.csms.device.alert;

import dev.csms.events.device.AlertSeverity;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An alert about a station (table {@code alert}): active until cleared; acknowledged by an operator or not. */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "station_id")
    public String stationId;

    @Enumerated(EnumType.STRING)
    public AlertType type;

    public String subject;

    @Enumerated(EnumType.STRING)
    public AlertSeverity severity;

    public String message;

    public boolean active;

    @Column(name = "raised_at")
    public Instant raisedAt;

    @Column(name = "cleared_at")
    public Instant clearedAt;

    @Column(name = "clear_reason")
    public String clearReason;

    public boolean acknowledged;

    @Column(name = "acknowledged_by")
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;
}
