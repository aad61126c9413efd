package dev.csms.device.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.csms.device.firmware.FirmwareRequest;
import dev.csms.events.device.FirmwareCampaignProgress.CampaignStationState;
import dev.csms.events.device.FirmwareCampaignProgress.CampaignStatus;
import java.time.Instant;
import java.util.List;

/** A firmware campaign as the API shows it; {@code stations} only when one campaign is read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignView(String id, String name, CampaignStatus status, FirmwareRequest firmware,
        CampaignTarget target, int batchSize, int maxInFlight, double failureThreshold, int minFinished,
        long progressTimeoutSeconds, String createdBy, Instant createdAt, Instant updatedAt, Instant finishedAt,
        CampaignCounts counts, Page<StationView> stations) {

    /** One page of a list, like the other list endpoints. */
    public record Page<T>(List<T> items, int page, int size, long total) {
    }

    /** One station of the campaign. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StationView(String stationId, int batch, CampaignStationState state, String commandId,
            Integer requestId, String lastStatus, String detail, Instant deadline, Instant startedAt, Instant finishedAt) {

        static StationView of(CampaignStation s) {
            return new StationView(s.stationId, s.batch, s.state, s.commandId, s.requestId, s.lastStatus, s.detail,
                    s.deadline, s.startedAt, s.finishedAt);
        }
    }
}
