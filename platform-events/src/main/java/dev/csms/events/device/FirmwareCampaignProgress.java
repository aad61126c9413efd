package dev.csms.events.device;

import java.time.Instant;
import java.util.Objects;

/**
 * A firmware campaign moved on, published on {@code device.campaigns} ({@code csms.device.FirmwareCampaignProgress.v1}),
 * keyed by campaign id: when it starts, pauses, resumes, is cancelled, aborts or completes, and whenever one of its
 * stations reaches an outcome (Installed, Failed, Cancelled). Each event carries the campaign's counts after the change.
 *
 * @param campaignId   the campaign
 * @param name         the operator's name of the campaign; null when none
 * @param status       where the campaign stands after the change
 * @param total        how many stations the campaign targets
 * @param queued       stations not sent the update yet
 * @param inProgress   stations sent the update and not finished (command pending, or installing)
 * @param installed    stations that reported Installed
 * @param failed       stations that failed (refused or failed command, failure status, offline, no progress in time)
 * @param cancelled    stations never sent the update because the campaign was cancelled or aborted
 * @param stationId    the station whose outcome this event reports; null for a change of the campaign itself
 * @param stationState that station's state after the change; null with {@code stationId}
 * @param detail       why (a failure's reason, an abort's ratio); null when none
 * @param changedAt    when device-service made the change
 */
public record FirmwareCampaignProgress(String campaignId, String name, CampaignStatus status, int total, int queued,
        int inProgress, int installed, int failed, int cancelled, String stationId, CampaignStationState stationState,
        String detail, Instant changedAt) {

    /** Where a firmware campaign stands. */
    public enum CampaignStatus {
        /** Sending the update batch by batch. */
        Running,
        /** An operator paused it: no station is sent the update until it resumes; stations in progress finish. */
        Paused,
        /** Every station finished (Installed or Failed) and the failure ratio stayed within the threshold. */
        Completed,
        /** The failure ratio passed the threshold: the stations not yet sent the update are Cancelled. */
        Aborted,
        /** An operator cancelled it: the stations not yet sent the update are Cancelled. */
        Cancelled;

        /** Whether the campaign is over (no station is sent the update any more). */
        public boolean isFinal() {
            return this == Completed || this == Aborted || this == Cancelled;
        }
    }

    /** Where one station of a campaign stands. */
    public enum CampaignStationState {
        /** Waiting for its batch and a free slot. */
        Queued,
        /** The firmware command is sent; the station has not answered yet. */
        Sent,
        /** The station accepted the command; its FirmwareStatusNotifications are awaited. */
        InProgress,
        /** It reported Installed. */
        Installed,
        /** It failed: command refused, CALLERROR, timed out or offline; a failure status; no progress in time. */
        Failed,
        /** Never sent the update: the campaign was cancelled or aborted first. */
        Cancelled;

        /** Whether the station is done with the campaign. */
        public boolean isFinished() {
            return this == Installed || this == Failed || this == Cancelled;
        }
    }

    public FirmwareCampaignProgress {
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(changedAt, "changedAt");
    }
}
