package dev.csms.session.model;

import dev.csms.events.sessions.MeterAnomaly;
import dev.csms.events.sessions.SessionEnd;
import dev.csms.events.sessions.SessionStatus;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.ChargingState;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.ocpp.canonical.StoppedReason;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** A charging session: one transaction of one station, as far as its messages have told. */
@Entity
@Table(name = "charging_session")
public class ChargingSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "station_id")
    public String stationId;

    @Column(name = "transaction_id")
    public String transactionId;

    @Convert(converter = OcppVersionConverter.class)
    @Column(name = "ocpp_version")
    public OcppVersion ocppVersion;

    /** 1.6 only: what identifies a resent StartTransaction (it has no transaction id yet). */
    @Column(name = "start_key")
    public String startKey;

    @Column(name = "evse_id")
    public Integer evseId;

    @Column(name = "connector_id")
    public Integer connectorId;

    @Column(name = "id_token_value")
    public String idTokenValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_token_type")
    public IdTokenType idTokenType;

    @Column(name = "id_token_other_type")
    public String idTokenOtherType;

    @Column(name = "id_token_key")
    public String idTokenKey;

    @Column(name = "group_value")
    public String groupValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "group_type")
    public IdTokenType groupType;

    @Column(name = "group_key")
    public String groupKey;

    /** The verdict given on the session's token; null while it has none. */
    @Enumerated(EnumType.STRING)
    @Column(name = "auth_status")
    public AuthorizationStatus authStatus;

    @Enumerated(EnumType.STRING)
    public SessionStatus status;

    /** The CSMS never saw the start: the session was first known through its end. */
    public boolean orphan;

    /** The Started step arrived; until then {@link #startedAt} is the earliest step's timestamp. */
    @Column(name = "start_seen")
    public boolean startSeen;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "ended_by")
    public SessionEnd endedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "stopped_reason")
    public StoppedReason stoppedReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "charging_state")
    public ChargingState chargingState;

    @Column(name = "remote_start_id")
    public Integer remoteStartId;

    @Column(name = "reservation_id")
    public Integer reservationId;

    @Column(name = "meter_start_wh")
    public BigDecimal meterStartWh;

    @Column(name = "meter_last_wh")
    public BigDecimal meterLastWh;

    @Column(name = "energy_wh")
    public BigDecimal energyWh;

    @Convert(converter = MeterAnomaliesConverter.class)
    @Column(name = "meter_anomalies")
    public Set<MeterAnomaly> meterAnomalies = EnumSet.noneOf(MeterAnomaly.class);

    /** The station's timestamp of the latest step. */
    @Column(name = "last_event_at")
    public Instant lastEventAt;

    /** When session-service last heard of the transaction (its own clock): staleness is measured from here. */
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    /** Grows with every change; the events carry it. */
    public long version;

    @Column(name = "update_published_at")
    public Instant updatePublishedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    public IdToken idToken() {
        return idTokenValue == null ? null : new IdToken(idTokenValue, idTokenType, null, idTokenOtherType);
    }

    public IdToken groupIdToken() {
        return groupValue == null ? null : IdToken.of(groupValue, groupType);
    }
}
