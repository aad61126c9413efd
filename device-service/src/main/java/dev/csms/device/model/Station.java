package dev.csms.device.model;

import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.RegistrationStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Set;

/** A station of the registry: the operator's settings and what the station reported at its last boot. */
@Entity
@Table(name = "station")
public class Station extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "security_profile")
    public int securityProfile;

    /** A {@code PasswordHashes} string; null until a password is set (and always for profile 3 only stations). */
    @Column(name = "password_hash")
    public String passwordHash;

    public boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "registration_status")
    public RegistrationStatus registrationStatus;

    @Column(name = "expected_vendor")
    public String expectedVendor;

    @Column(name = "expected_model")
    public String expectedModel;

    @Convert(converter = OcppVersionsConverter.class)
    @Column(name = "allowed_versions")
    public Set<OcppVersion> allowedVersions;

    /** Seconds; null means the global default. */
    @Column(name = "heartbeat_interval")
    public Integer heartbeatInterval;

    /** Set by an operator while provisioning runs: the station's boots are answered Pending until cleared. */
    public boolean provisioning;

    @Column(name = "reported_vendor")
    public String reportedVendor;

    @Column(name = "reported_model")
    public String reportedModel;

    @Column(name = "reported_serial")
    public String reportedSerial;

    @Column(name = "reported_firmware")
    public String reportedFirmware;

    @Column(name = "reported_iccid")
    public String reportedIccid;

    @Column(name = "reported_imsi")
    public String reportedImsi;

    @Column(name = "last_boot_reason")
    public String lastBootReason;

    @Column(name = "last_boot_at")
    public Instant lastBootAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
