package dev.csms.session.rest;

import dev.csms.ocpp.canonical.AuthorizationStatus;
import dev.csms.ocpp.canonical.IdTokenType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * A token as the operator writes it (create, replace, one row of an import).
 *
 * @param value                 the identifier; 1 to 255 printable characters (2.1 allows 255, 2.0.1 36, 1.6 20)
 * @param type                  its type; a 1.6 idTag is registered as Central (or as the card type it is)
 * @param otherType             only with type Other: the 2.1 type string
 * @param status                Accepted, Blocked, Expired, Invalid, NoCredit, NotAllowedTypeEVSE, NotAtThisLocation
 *                              or NotAtThisTime (ConcurrentTx and Unknown are decisions, not states)
 * @param expiresAt             when it stops being valid; null for never
 * @param groupIdToken          its group (parent id token); null for none
 * @param allowedStations       the stations where it may charge; empty or null for everywhere
 * @param maxConcurrentSessions how many active sessions it may be in at once; null for 1
 */
public record TokenSettings(
        @NotBlank @Size(max = 255) @Pattern(regexp = "\\p{Graph}[\\p{Graph} ]*", message = "must be printable ASCII")
        String value,
        @NotNull IdTokenType type,
        @Size(max = 50) String otherType,
        @NotNull AuthorizationStatus status,
        Instant expiresAt,
        @Valid TokenRef groupIdToken,
        List<@NotNull @Pattern(regexp = "[A-Za-z0-9*\\-_=+|@.]{1,48}", message = "is not a station id") String>
                allowedStations,
        @Min(1) @Max(1000) Integer maxConcurrentSessions) {
}
