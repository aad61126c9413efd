package dev.csms.device.status;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Whether a station is connected, from the gateway's connection events (table {@code station_presence}). Only
 * events of an epoch at least {@link #connectionEpoch} change it, so a late disconnect of an older connection does not
 * mark a reconnected station offline.
 */
@Entity
@Table(name = "station_presence")
public class StationPresence extends PanacheEntityBase {

    @Id
    @Column(name = "station_id")
    public String stationId;

    public boolean online;

    @Column(name = "connection_epoch")
    public long connectionEpoch;

    @Column(name = "gateway_id")
    public String gatewayId;

    /** The negotiated version's label (e.g. {@code 2.0.1}); null when only a disconnect was seen. */
    @Column(name = "ocpp_version")
    public String ocppVersion;

    @Column(name = "remote_address")
    public String remoteAddress;

    @Column(name = "connected_at")
    public Instant connectedAt;

    @Column(name = "disconnected_at")
    public Instant disconnectedAt;

    @Column(name = "disconnect_reason")
    public String disconnectReason;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
