package dev.csms.device.status;

import dev.csms.ocpp.canonical.ConnectorStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/** What a station reported about one connector (or EVSE, or itself): shared by the current status and the history. */
@MappedSuperclass
public abstract class ConnectorReportFields extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "station_id")
    public String stationId;

    /** The EVSE; 0 for the station as a whole (a 1.6 connector c is EVSE c). */
    @Column(name = "evse_id")
    public int evseId;

    /** The connector within the EVSE; 0 for the EVSE as a whole. */
    @Column(name = "connector_id")
    public int connectorId;

    @Enumerated(EnumType.STRING)
    public ConnectorStatus status;

    /** The status as the station sent it, e.g. {@code Charging} (1.6) or {@code Occupied}. */
    @Column(name = "original_status")
    public String originalStatus;

    /** 1.6 errorCode ({@code NoError} when none); null for 2.x. */
    @Column(name = "error_code")
    public String errorCode;

    public String info;

    @Column(name = "vendor_id")
    public String vendorId;

    @Column(name = "vendor_error_code")
    public String vendorErrorCode;

    /** The OCPP action that reported it: {@code StatusNotification} or {@code NotifyEvent}. */
    public String source;

    @Column(name = "ocpp_version")
    public String ocppVersion;

    /** The station's timestamp of the change; the receive time when it gave none. */
    @Column(name = "reported_at")
    public Instant reportedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    void copy(ConnectorReportFields from) {
        stationId = from.stationId;
        evseId = from.evseId;
        connectorId = from.connectorId;
        status = from.status;
        originalStatus = from.originalStatus;
        errorCode = from.errorCode;
        info = from.info;
        vendorId = from.vendorId;
        vendorErrorCode = from.vendorErrorCode;
        source = from.source;
        ocppVersion = from.ocppVersion;
        reportedAt = from.reportedAt;
        receivedAt = from.receivedAt;
    }
}
