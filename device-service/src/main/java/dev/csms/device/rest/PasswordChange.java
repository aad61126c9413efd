package dev.csms.device.rest;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/stations/{id}/password}; an absent body or password lets the service generate one.
 * 16 to 40 printable ASCII characters: the OCPP 2.x BasicAuthPassword range, which 1.6 security stations follow.
 */
public record PasswordChange(@Size(min = 16, max = 40) @Pattern(regexp = "[\\x21-\\x7E]*",
        message = "must be printable ASCII without spaces") String password) {
}
