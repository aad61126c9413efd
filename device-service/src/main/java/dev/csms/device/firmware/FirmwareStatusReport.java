package dev.csms.device.firmware;

import dev.csms.ocpp.canonical.FirmwareStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One firmware status a station reported (FirmwareStatusNotification); the newest is its current status. */
@Entity
@Table(name = "firmware_status_report")
public class FirmwareStatusReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "station_id")
    public String stationId;

    /** The StationCall's event id: a redelivered call is recognised and not recorded twice. */
    @Column(name = "call_id")
    public String callId;

    /** The OCPP version label the station spoke ("1.6", "2.0.1", "2.1"). */
    @Column(name = "ocpp_version")
    public String ocppVersion;

    @Enumerated(EnumType.STRING)
    public FirmwareStatus status;

    /** The UpdateFirmware request the status reports on; null for 1.6 core. */
    @Column(name = "request_id")
    public Integer requestId;

    @Column(name = "received_at")
    public Instant receivedAt;
}
