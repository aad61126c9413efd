package dev.csms.device.configuration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The last known value of an OCPP 1.6 configuration key of a station. */
@Entity
@Table(name = "station_configuration_key")
public class StationConfigurationKey extends PanacheEntityBase {

    /** Station and key. */
    @Embeddable
    public record Id(@Column(name = "station_id") String stationId, @Column(name = "config_key") String key)
            implements Serializable {
    }

    @EmbeddedId
    public Id id;

    /** The value; null when the station did not give one (it may be write-only or unset). */
    public String value;

    /** Whether the station reported the key read-only; null when unknown (learnt from a ChangeConfiguration). */
    public Boolean readonly;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
