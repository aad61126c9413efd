package dev.csms.device.configuration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The result of a configuration request on one station. */
@Entity
@Table(name = "configuration_request_station")
public class ConfigurationRequestStation extends PanacheEntityBase {

    /** Request and station. */
    @Embeddable
    public record Id(@Column(name = "request_id") String requestId, @Column(name = "station_id") String stationId)
            implements Serializable {
    }

    @EmbeddedId
    public Id id;

    /** The version the station was connected with; null when it was offline. */
    @Column(name = "ocpp_version")
    public String ocppVersion;

    /** Where the setting lives on that station: the 1.6 key or the 2.x {@code component[.instance].variable}. */
    public String target;

    /** The ledger command sent; null when none was (offline, not supported). */
    @Column(name = "command_id")
    public String commandId;

    @Enumerated(EnumType.STRING)
    public ConfigurationStatus status;

    /** The value the station gave (read), or the value set. */
    public String value;

    /** Why, when the status alone does not say it (a CallError's code, the station's reason). */
    public String detail;

    @Column(name = "completed_at")
    public Instant completedAt;
}
