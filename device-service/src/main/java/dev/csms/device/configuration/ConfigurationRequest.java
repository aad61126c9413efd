package dev.csms.device.configuration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An operator's request to read or set one setting on one or many stations. */
@Entity
@Table(name = "configuration_request")
public class ConfigurationRequest extends PanacheEntityBase {

    /** Read the value from the stations, or Set it. */
    public enum Operation {
        Read,
        Set
    }

    @Id
    public String id;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Operation operation;

    /** As the operator named it: a catalogue name or a raw key. */
    public String setting;

    /** The value to set; null for a read. */
    public String value;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "created_at")
    public Instant createdAt;
}
