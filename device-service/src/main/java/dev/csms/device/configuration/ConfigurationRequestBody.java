package dev.csms.device.configuration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/v1/configuration/requests}.
 *
 * @param stations the stations (duplicates count once)
 * @param setting  a well-known setting ({@code heartbeat-interval}, ...), a 1.6 configuration key or a 2.x
 *                 {@code component[.instance].variable}
 * @param value    the value to set; absent to read the setting from the stations
 */
public record ConfigurationRequestBody(@NotEmpty List<@NotBlank @Size(max = 48) String> stations,
        @NotBlank @Size(max = 160) String setting, @Size(max = 1000) String value) {
}
