package dev.csms.device.logs;

import dev.csms.ocpp.canonical.UploadLogStatus;
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

/**
 * One log upload status a station reported (1.6 DiagnosticsStatusNotification, LogStatusNotification); the newest is
 * its current log status.
 */
@Entity
@Table(name = "log_status_report")
public class LogStatusReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "station_id")
    public String stationId;

    /** The StationCall's event id: a redelivered call is recognised and not recorded twice. */
    @Column(name = "call_id")
    public String callId;

    /** The OCPP action: DiagnosticsStatusNotification or LogStatusNotification. */
    public String action;

    /** The OCPP version label the station spoke ("1.6", "2.0.1", "2.1"). */
    @Column(name = "ocpp_version")
    public String ocppVersion;

    /** The status (1.6 UploadFailed is UploadFailure). */
    @Enumerated(EnumType.STRING)
    public UploadLogStatus status;

    /** The GetLog request it reports on; null for 1.6 diagnostics. */
    @Column(name = "request_id")
    public Integer requestId;

    @Column(name = "received_at")
    public Instant receivedAt;
}
