package dev.csms.device.status;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** When a station last sent a message (table {@code station_last_seen}); written by {@link LastSeen}. */
@Entity
@Table(name = "station_last_seen")
public class StationLastSeen extends PanacheEntityBase {

    @Id
    @Column(name = "station_id")
    public String stationId;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
}
