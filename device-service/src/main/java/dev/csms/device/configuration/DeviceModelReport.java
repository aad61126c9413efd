package dev.csms.device.configuration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One part of a device model report (a NotifyReport) a 2.x station sent. */
@Entity
@Table(name = "device_model_report")
public class DeviceModelReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "station_id")
    public String stationId;

    /** The GetBaseReport's requestId the report answers. */
    @Column(name = "request_id")
    public int requestId;

    @Column(name = "seq_no")
    public int seqNo;

    /** "To be continued": more parts follow. */
    public boolean tbc;

    @Column(name = "generated_at")
    public Instant generatedAt;

    /** How many reportData entries the part held. */
    public int entries;

    @Column(name = "received_at")
    public Instant receivedAt;
}
