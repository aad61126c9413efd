package dev.csms.device.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Which stations a campaign targets: a list of station ids, or a filter resolved once, when the campaign is
 * created, against the registry's enabled stations.
 *
 * @param stationIds the stations, in rollout order
 * @param filter     what the stations must match
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignTarget(@Size(min = 1, max = 10000) List<@NotBlank @Size(max = 48) String> stationIds,
        @Valid Filter filter) {

    /**
     * Every given criterion must hold.
     *
     * @param model           the model the station reported at boot (case-insensitive)
     * @param firmwareVersion the firmware version it reported at boot (exact)
     * @param siteId          its site
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filter(@Size(max = 50) String model, @Size(max = 50) String firmwareVersion,
            @Size(max = 100) String siteId) {

        boolean isEmpty() {
            return blank(model) && blank(firmwareVersion) && blank(siteId);
        }

        static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
