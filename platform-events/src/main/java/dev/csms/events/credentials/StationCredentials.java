package dev.csms.events.credentials;

import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.RegistrationStatus;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the gateway needs to admit a station, on the compacted topic {@code device.credentials}
 * ({@code csms.device.StationCredentials.v1}), keyed by station id and published by device-service; a tombstone
 * when the station is deleted. The gateway keeps the whole topic in memory and authenticates from it.
 *
 * @param stationId           the station
 * @param passwordHash        the HTTP Basic password as a {@link PasswordHashes} string; null for security
 *                            profile 3 (client certificate only). Never the password itself.
 * @param securityProfile     the OCPP security profile the station must use: 1 (Basic auth, no TLS), 2 (TLS and
 *                            Basic auth) or 3 (TLS with client certificate)
 * @param enabled             false refuses every connection of the station
 * @param allowedOcppVersions the versions the station may connect with; never empty
 * @param registrationStatus  what the next BootNotification is answered with by default (Accepted, Pending,
 *                            Rejected)
 * @param updatedAt           when device-service last changed the credentials
 */
public record StationCredentials(String stationId, String passwordHash, int securityProfile, boolean enabled,
        Set<OcppVersion> allowedOcppVersions, RegistrationStatus registrationStatus, Instant updatedAt) {

    public StationCredentials {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(registrationStatus, "registrationStatus");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (securityProfile < 1 || securityProfile > 3) {
            throw new IllegalArgumentException("security profile must be 1, 2 or 3, got " + securityProfile);
        }
        if (securityProfile < 3 && passwordHash == null) {
            throw new IllegalArgumentException("security profile " + securityProfile + " needs a password hash");
        }
        if (allowedOcppVersions == null || allowedOcppVersions.isEmpty()) {
            throw new IllegalArgumentException("at least one OCPP version must be allowed");
        }
        // An EnumSet keeps the versions in a stable order, so equal credentials serialize identically.
        allowedOcppVersions = Collections.unmodifiableSet(EnumSet.copyOf(allowedOcppVersions));
    }
}
