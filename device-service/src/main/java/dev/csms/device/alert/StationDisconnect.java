package dev.csms.device.alert;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A station's connection that ended, kept for the repeated-disconnects rule (table {@code station_disconnect},
 * written by {@link AlertRules}).
 */
@Entity
@Table(name = "station_disconnect")
@IdClass(StationDisconnect.Key.class)
public class StationDisconnect extends PanacheEntityBase {

    @Id
    @Column(name = "station_id")
    public String stationId;

    @Id
    @Column(name = "connection_epoch")
    public long connectionEpoch;

    @Column(name = "disconnected_at")
    public Instant disconnectedAt;

    /** The primary key. */
    public static class Key implements Serializable {
        public String stationId;
        public long connectionEpoch;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(stationId, k.stationId) && connectionEpoch == k.connectionEpoch;
        }

        @Override
        public int hashCode() {
            return Objects.hash(stationId, connectionEpoch);
        }
    }
}
