package dev.csms.session.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One sampled value linked to a session. Written only by {@code MeterReadings.insert} (insert-or-ignore by content:
 * session, time, measurand, phase, location), read through Panache.
 */
@Entity
@Table(name = "meter_reading")
public class MeterReading extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "sampled_at")
    public Instant sampledAt;

    /** The OCPP name, e.g. {@code Energy.Active.Import.Register}. */
    public String measurand;

    /** The OCPP name, e.g. {@code L1-N}; empty when not phase-specific. */
    public String phase;

    public String location;

    /** The OCPP name, e.g. {@code Sample.Periodic}. */
    public String context;

    public String unit;

    /** Null for a signed or non-numeric 1.6 value. */
    public BigDecimal value;

    public boolean signed;
}
