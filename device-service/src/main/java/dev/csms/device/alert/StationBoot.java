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

/** A BootNotification of a station, kept for the boot-loop rule (table {@code station_boot}, written by {@link AlertRules}). */
@Entity
@Table(name = "station_boot")
@IdClass(StationBoot.Key.class)
public class StationBoot extends PanacheEntityBase {

    @Id
    @Column(name = "station_id")
    public String stationId;

    @Id
    @Column(name = "call_id")
    public String callId;

    @Column(name = "booted_at")
    public Instant bootedAt;

    /** The primary key. */
    public static class Key implements Serializable {
        public String stationId;
        public String callId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(stationId, k.stationId) && Objects.equals(callId, k.callId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(stationId, callId);
        }
    }
}
