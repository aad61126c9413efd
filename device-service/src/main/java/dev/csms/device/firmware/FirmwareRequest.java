package dev.csms.device.firmware;

import dev.csms.ocpp.canonical.StationCommand;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The body of {@code POST /api/v1/stations/{id}/firmware}.
 *
 * @param location           URI of the firmware
 * @param retrieveAt         when the station downloads it; null for now
 * @param installAt          when it installs it (2.x, 1.6 signed); null for right after download
 * @param retries            download attempts; null for the station's default
 * @param retryInterval      seconds between attempts; null for the station's default
 * @param signature          base64 signature of the firmware (signed update); null for unsigned firmware
 * @param signingCertificate PEM certificate that signed the firmware; null for unsigned firmware
 */
public record FirmwareRequest(@NotBlank @Size(max = 512) String location, Instant retrieveAt, Instant installAt,
        @PositiveOrZero Integer retries, @PositiveOrZero Integer retryInterval, @Size(max = 800) String signature,
        @Size(max = 5500) String signingCertificate) {

    /**
     * The UpdateFirmware command of this request (the same for a single station and for each station of a campaign).
     *
     * @param requestId the command's request id (its ledger reference)
     * @param now       the retrieve time when none is given
     */
    public StationCommand.UpdateFirmware toCommand(int requestId, Instant now) {
        return new StationCommand.UpdateFirmware(requestId, location, retrieveAt == null ? now : retrieveAt,
                installAt, signingCertificate, signature, retries, retryInterval);
    }
}
