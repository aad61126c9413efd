package dev.csms.device.certificate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One SignCertificate of a station and the decision on it (Accepted with the signed certificate, or Rejected). */
@Entity
@Table(name = "certificate_signing")
public class CertificateSigning extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "station_id")
    public String stationId;

    /** The StationCall's event id: a redelivered call is answered with the same decision, not signed again. */
    @Column(name = "call_id")
    public String callId;

    @Column(name = "ocpp_version")
    public String ocppVersion;

    /** ChargingStationCertificate, V2GCertificate, ...; null when a 2.x station omitted it. */
    @Column(name = "certificate_type")
    public String certificateType;

    /** Accepted or Rejected. */
    public String status;

    /** Why it was rejected; null when accepted. */
    public String reason;

    /** The signed certificate's serial number (hex); null when rejected. */
    @Column(name = "serial_number")
    public String serialNumber;

    /** The CertificateSigned command that delivers the chain; null when rejected. */
    @Column(name = "command_id")
    public String commandId;

    @Column(name = "received_at")
    public Instant receivedAt;
}
