package dev.csms.session.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The local authorization list versions of one station. */
@Entity
@Table(name = "local_list")
public class LocalList extends PanacheEntityBase {

    @Id
    @Column(name = "station_id")
    public String stationId;

    /** The version of the last SendLocalList sent. */
    @Column(name = "issued_version")
    public int issuedVersion;

    /** The version of the last SendLocalList the station accepted; 0 before any. */
    @Column(name = "confirmed_version")
    public int confirmedVersion;

    /** What the station said at the last GetLocalListVersion; null before any. */
    @Column(name = "reported_version")
    public Integer reportedVersion;

    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
