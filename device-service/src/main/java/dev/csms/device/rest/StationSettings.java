package dev.csms.device.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * What an operator decides about a station: the body of create ({@code id} required) and of update ({@code id}
 * optional, and then equal to the path's).
 *
 * @param id                  the station identity, by the gateway's rule (see {@link StationIds})
 * @param siteId              the site; null for none
 * @param securityProfile     1, 2 or 3
 * @param enabled             false refuses the station's connections and rejects its boots
 * @param expectedVendor      the vendor the station should report; a different one at boot raises an alert
 * @param expectedModel       the model the station should report; a different one at boot raises an alert
 * @param allowedOcppVersions labels {@code 1.6}, {@code 2.0.1}, {@code 2.1}; all when absent
 * @param heartbeatInterval   seconds; null for the global default
 * @param provisioning        true while provisioning runs: BootNotification is answered Pending until it is cleared;
 *                            absent means false
 */
public record StationSettings(
        @Pattern(regexp = StationIds.PATTERN, message = StationIds.MESSAGE) String id,
        @Size(max = 64) String siteId,
        @NotNull @Min(1) @Max(3) Integer securityProfile,
        @NotNull Boolean enabled,
        @Size(max = 50) String expectedVendor,
        @Size(max = 50) String expectedModel,
        @NotEmpty List<@NotNull @Pattern(regexp = "1\\.6|2\\.0\\.1|2\\.1",
                message = "must be one of 1.6, 2.0.1, 2.1") String> allowedOcppVersions,
        @Min(1) @Max(86400) Integer heartbeatInterval,
        Boolean provisioning) {
}
