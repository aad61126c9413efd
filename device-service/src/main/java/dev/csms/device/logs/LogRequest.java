package dev.csms.device.logs;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The body of {@code POST /api/v1/stations/{id}/logs}.
 *
 * @param type          which log
 * @param location      URL the station uploads the log to
 * @param from          oldest entry wanted; null for no limit
 * @param to            newest entry wanted; null for no limit
 * @param retries       upload attempts; null for the station's default
 * @param retryInterval seconds between attempts; null for the station's default
 */
public record LogRequest(@NotNull Type type, @NotBlank @Size(max = 512) String location, Instant from, Instant to,
        @PositiveOrZero Integer retries, @PositiveOrZero Integer retryInterval) {

    /** The log wanted. */
    public enum Type {
        /** The diagnostics log: 1.6 GetDiagnostics, 2.x GetLog DiagnosticsLog. */
        Diagnostics,
        /** The security log: GetLog SecurityLog (1.6 security extension, 2.x). */
        SecurityLog
    }
}
