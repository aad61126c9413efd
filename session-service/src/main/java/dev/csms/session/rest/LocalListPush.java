package dev.csms.session.rest;

import dev.csms.ocpp.canonical.UpdateType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A local authorization list to send to stations.
 *
 * @param stationIds the stations (one or many)
 * @param updateType Full (the list replaces the station's) or Differential (the entries change it)
 * @param entries    the tokens; each must be in the registry (its verdict there goes with it), except an entry with
 *                   {@code remove} in a Differential update. A Full update with no entries empties the list.
 */
public record LocalListPush(
        @NotEmpty @Size(max = 1000)
        List<@NotNull @Pattern(regexp = "[A-Za-z0-9*\\-_=+|@.]{1,48}", message = "is not a station id") String>
                stationIds,
        @NotNull UpdateType updateType,
        List<@Valid @NotNull Entry> entries) {

    /**
     * One entry.
     *
     * @param idToken the token
     * @param remove  true to remove it from the station's list (Differential only)
     */
    public record Entry(@Valid @NotNull TokenRef idToken, boolean remove) {
    }
}
