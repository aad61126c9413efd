package dev.csms.device.campaign;

import dev.csms.device.firmware.FirmwareRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/v1/firmware-campaigns}. Exactly one of {@code stationIds} and {@code filter}.
 *
 * @param name                   a name for operators; optional
 * @param firmware               the update every station gets (as {@code POST /api/v1/stations/{id}/firmware});
 *                               without {@code retrieveAt} each station downloads when it is sent the update
 * @param stationIds             the stations, in rollout order
 * @param filter                 what the stations must match (model, firmware version, site)
 * @param batchSize              stations per batch (default 50): a batch starts when the previous one finished
 * @param maxInFlight            most stations updating at once (default 10)
 * @param failureThreshold       abort when failed / finished passes this ratio (0..1, default 0.2) ...
 * @param minFinished            ... once at least this many stations finished (default 5)
 * @param progressTimeoutSeconds a station without firmware progress for this long fails (default
 *                               {@code csms.device.campaigns.progress-timeout})
 */
public record CampaignRequest(@Size(max = 200) String name, @Valid @NotNull FirmwareRequest firmware,
        @Size(min = 1, max = 10000) List<@NotNull @Size(min = 1, max = 48) String> stationIds,
        @Valid CampaignTarget.Filter filter, @Min(1) @Max(10000) Integer batchSize,
        @Min(1) @Max(1000) Integer maxInFlight, @DecimalMin("0") @DecimalMax("1") Double failureThreshold,
        @Min(1) Integer minFinished, @Min(1) @Max(2592000) Long progressTimeoutSeconds) {
}
