package dev.csms.device.campaign;

import dev.csms.events.device.FirmwareCampaignProgress.CampaignStatus;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A firmware campaign: one firmware update rolled out to many stations, batch by batch. */
@Entity
@Table(name = "firmware_campaign")
public class FirmwareCampaign extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Enumerated(EnumType.STRING)
    public CampaignStatus status;

    /** The firmware update every station gets, as JSON ({@code FirmwareRequest}). */
    public String firmware;

    /** How the stations were chosen, as JSON ({@link CampaignTarget}). */
    public String target;

    @Column(name = "batch_size")
    public int batchSize;

    @Column(name = "max_in_flight")
    public int maxInFlight;

    /** The campaign aborts when failed / finished passes this ratio (0..1)... */
    @Column(name = "failure_threshold")
    public double failureThreshold;

    /** ... once at least this many stations finished (Installed or Failed). */
    @Column(name = "min_finished")
    public int minFinished;

    /** How long a station may go without firmware progress before it counts as Failed, in seconds. */
    @Column(name = "progress_timeout_s")
    public long progressTimeoutSeconds;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
