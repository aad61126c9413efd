package dev.csms.session.rest;

import dev.csms.ocpp.canonical.ChargingProfile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A remote start: the station starts a transaction for the token.
 *
 * @param stationId   the station
 * @param evseId      the EVSE (2.x); null to let the station choose. A 1.6 station takes it as its connector when
 *                    {@code connectorId} is not given
 * @param connectorId the connector (1.6 only; a 2.x RequestStartTransaction names no connector); null to let the
 *                    station choose
 * @param idToken     the token to start with (1.6: its value, at most 20 characters, becomes the idTag)
 * @param groupIdToken the token's group (2.x only: 1.6 RemoteStartTransaction has none); null for none
 * @param chargingProfile a TxProfile for the transaction (canonical form; 1.6: exactly one schedule); null for none
 */
public record RemoteStart(
        @NotNull @Pattern(regexp = "[A-Za-z0-9*\\-_=+|@.]{1,48}", message = "is not a station id") String stationId,
        @Min(1) Integer evseId,
        @Min(1) Integer connectorId,
        @Valid @NotNull TokenRef idToken,
        @Valid TokenRef groupIdToken,
        ChargingProfile chargingProfile) {
}
