package dev.csms.session.reservation;

import dev.csms.events.sessions.ReservationStatus;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenType;
import dev.csms.session.model.OcppVersionConverter;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A reservation of an EVSE (or of any EVSE of a station) for a token and its group, until it expires. */
@Entity
@Table(name = "reservation")
public class Reservation extends PanacheEntityBase {

    /** Platform-wide (sequence {@code reservation_number}): the 1.6 reservationId, the 2.x id. */
    @Id
    public Integer id;

    @Column(name = "station_id")
    public String stationId;

    /** The version the station was connected with when the reservation was made. */
    @Convert(converter = OcppVersionConverter.class)
    @Column(name = "ocpp_version")
    public OcppVersion ocppVersion;

    /** The EVSE (1.6: the connector); null for any EVSE of the station. */
    @Column(name = "evse_id")
    public Integer evseId;

    @Column(name = "id_token_value")
    public String idTokenValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "id_token_type")
    public IdTokenType idTokenType;

    /** The token's value as tokens are compared (case-insensitive). */
    @Column(name = "id_token_key")
    public String idTokenKey;

    @Column(name = "group_value")
    public String groupValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "group_type")
    public IdTokenType groupType;

    @Column(name = "group_key")
    public String groupKey;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "status")
    public ReservationStatus status;

    /** Why it reached its status when there is more to say (the station's answer, the command's outcome). */
    @Column(name = "reason")
    public String reason;

    /** The ReserveNow command in the ledger. */
    @Column(name = "command_id")
    public String commandId;

    /** The last CancelReservation command in the ledger; null when none was sent. */
    @Column(name = "cancel_command_id")
    public String cancelCommandId;

    /** The session that used it. */
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Grows with every change; every ReservationChanged carries it. */
    @Column(name = "version")
    public long version;

    public IdToken idToken() {
        return IdToken.of(idTokenValue, idTokenType);
    }

    public IdToken groupIdToken() {
        return groupValue == null ? null : IdToken.of(groupValue, groupType);
    }

    /** Requested or Active: not final yet. */
    public boolean live() {
        return status == ReservationStatus.Requested || status == ReservationStatus.Active;
    }
}
