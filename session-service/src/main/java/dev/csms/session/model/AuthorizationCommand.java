package dev.csms.session.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A SendLocalList, GetLocalListVersion or ClearCache command session-service sent, and how it ended. */
@Entity
@Table(name = "authorization_command")
public class AuthorizationCommand extends PanacheEntityBase {

    /** Where a command stands. */
    public enum Status {
        /** Sent; no result yet. */
        Pending,
        /** The station accepted it. */
        Accepted,
        /** The station answered with another status (Failed, VersionMismatch, NotSupported, Rejected). */
        Rejected,
        /** It never reached an answer: CallError, Timeout, StationOffline, QueueFull, ValidationFailed, Unsupported. */
        Failed
    }

    @Id
    @Column(name = "command_id")
    public UUID commandId;

    @Column(name = "station_id")
    public String stationId;

    /** SendLocalList, GetLocalListVersion or ClearCache. */
    public String action;

    @Column(name = "version_number")
    public Integer versionNumber;

    @Column(name = "update_type")
    public String updateType;

    public Integer entries;

    @Enumerated(EnumType.STRING)
    public Status status;

    /** The CommandResult outcome; null while pending. */
    public String outcome;

    /** The station's status string, or the gateway's detail. */
    public String detail;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
