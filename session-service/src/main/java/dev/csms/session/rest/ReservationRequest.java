package dev.csms.session.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;

/**
 * A reservation to make: ReserveNow to the station.
 *
 * @param stationId    the station
 * @param evseId       the EVSE (1.6: the connector); null or 0 for any EVSE of the station (1.6 connector 0)
 * @param idToken      the token it is for (1.6: its value, at most 20 characters, becomes the idTag)
 * @param groupIdToken the group whose tokens may use it too (1.6 parentIdTag); null for none
 * @param expiresAt    when it ends; must be in the future
 */
public record ReservationRequest(
        @NotNull @Pattern(regexp = "[A-Za-z0-9*\\-_=+|@.]{1,48}", message = "is not a station id") String stationId,
        @Min(0) Integer evseId,
        @Valid @NotNull TokenRef idToken,
        @Valid TokenRef groupIdToken,
        @NotNull Instant expiresAt) {
}
