package dev.csms.device.campaign;

import dev.csms.events.device.FirmwareCampaignProgress.CampaignStationState;
import java.util.Map;

/**
 * How many stations of a campaign stand where.
 *
 * @param inProgress Sent and InProgress
 */
public record CampaignCounts(int total, int queued, int inProgress, int installed, int failed, int cancelled) {

    static CampaignCounts of(Map<CampaignStationState, Long> byState) {
        int queued = count(byState, CampaignStationState.Queued);
        int inProgress = count(byState, CampaignStationState.Sent) + count(byState, CampaignStationState.InProgress);
        int installed = count(byState, CampaignStationState.Installed);
        int failed = count(byState, CampaignStationState.Failed);
        int cancelled = count(byState, CampaignStationState.Cancelled);
        return new CampaignCounts(queued + inProgress + installed + failed + cancelled, queued, inProgress, installed,
                failed, cancelled);
    }

    /** Installed and Failed. */
    public int finished() {
        return installed + failed;
    }

    private static int count(Map<CampaignStationState, Long> byState, CampaignStationState state) {
        return byState.getOrDefault(state, 0L).intValue();
    }
}
