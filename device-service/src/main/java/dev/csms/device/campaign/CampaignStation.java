package dev.csms.device.campaign;

import dev.csms.events.device.FirmwareCampaignProgress.CampaignStationState;
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

/** One station of a firmware campaign: its batch, where it stands and the firmware command it was sent. */
@Entity
@Table(name = "firmware_campaign_station")
public class CampaignStation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public String campaignId;

    @Column(name = "station_id")
    public String stationId;

    /** Order within the campaign (0-based); batch = position / batch size. */
    public int position;

    public int batch;

    @Enumerated(EnumType.STRING)
    public CampaignStationState state;

    /** The ledger command that carried the update; null until sent. */
    @Column(name = "command_id")
    public String commandId;

    /** The command's requestId, echoed by 2.x and signed 1.6 FirmwareStatusNotifications. */
    @Column(name = "request_id")
    public Integer requestId;

    /** The newest firmware status the station reported for this campaign. */
    @Column(name = "last_status")
    public String lastStatus;

    /** Why it failed or was cancelled. */
    public String detail;

    /** When the station counts as Failed without further progress; null unless in flight. */
    public Instant deadline;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;
}
