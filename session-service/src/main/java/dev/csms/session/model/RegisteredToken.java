package dev.csms.session.model;

import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.IdToken;
import dev.csms.ocpp.canonical.IdTokenType;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/** A token of the registry: an id token the operator knows, with its status, expiry, group and limits. */
@Entity
@Table(name = "id_token")
public class RegisteredToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String value;

    /** {@link #keyOf(String)} of the value: OCPP id tokens compare case-insensitively. */
    @Column(name = "value_key")
    public String valueKey;

    @Enumerated(EnumType.STRING)
    public IdTokenType type;

    @Column(name = "other_type")
    public String otherType;

    @Enumerated(EnumType.STRING)
    public AuthorizationStatus status;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "group_value")
    public String groupValue;

    @Enumerated(EnumType.STRING)
    @Column(name = "group_type")
    public IdTokenType groupType;

    @Column(name = "group_key")
    public String groupKey;

    /** Stations where the token may charge; empty for everywhere. */
    @Convert(converter = StationIdsConverter.class)
    @Column(name = "allowed_stations")
    public Set<String> allowedStations;

    @Column(name = "max_concurrent_sessions")
    public int maxConcurrentSessions;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The comparison key of a token value. */
    public static String keyOf(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    public IdToken idToken() {
        return new IdToken(value, type, null, otherType);
    }

    /** The group token; null when the token has no group. */
    public IdToken groupIdToken() {
        return groupValue == null ? null : IdToken.of(groupValue, groupType);
    }
}
