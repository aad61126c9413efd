package dev.csms.device.security;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A security event a station reported (table {@code security_event}). */
@Entity
@Table(name = "security_event")
public class SecurityEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "station_id")
    public String stationId;

    /** The StationCall's event id: a redelivered call is recognised and not recorded twice. */
    @Column(name = "call_id")
    public String callId;

    /** The OCPP security event type, e.g. {@code TamperDetectionActivated}. */
    @Column(name = "event_type")
    public String eventType;

    /** When it happened, by the station's clock. */
    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "tech_info")
    public String techInfo;

    /** Whether the type was configured critical when received (and raised an alert). */
    public boolean critical;

    @Column(name = "ocpp_version")
    public String ocppVersion;

    @Column(name = "received_at")
    public Instant receivedAt;
}
