package dev.csms.events.device;

import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.RegistrationStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A station of device-service's registry changed, published on {@code device.stations}
 * ({@code csms.device.StationChanged.v1}), keyed by station id. Each event carries the station's whole state after
 * the change (never secrets), so a consumer can keep its own table from the latest event of each station.
 *
 * @param stationId           the station
 * @param change              what happened
 * @param siteId              the site the station belongs to; null when none
 * @param securityProfile     the OCPP security profile (1, 2 or 3)
 * @param enabled             whether the station may connect
 * @param registrationStatus  Accepted, Pending (waits for an operator) or Rejected
 * @param allowedOcppVersions the versions the station may connect with
 * @param vendor              the vendor the station reported at its last boot; null before the first boot
 * @param model               the model it reported; null before the first boot
 * @param firmwareVersion     the firmware version it reported; null when unknown
 * @param changedAt           when device-service made the change
 */
public record StationChanged(String stationId, StationChange change, String siteId, int securityProfile, boolean enabled,
        RegistrationStatus registrationStatus, Set<OcppVersion> allowedOcppVersions, String vendor, String model,
        String firmwareVersion, Instant changedAt) {

    /** What happened to the station. */
    public enum StationChange {
        /** An operator created it. */
        Created,
        /** An unknown station booted and was registered as pending (auto-registration). */
        AutoRegistered,
        /** An operator changed its settings. */
        Updated,
        /** An operator set or rotated its password. */
        PasswordChanged,
        /** An operator accepted a pending station. */
        Accepted,
        /** It booted and reported its vendor, model, firmware. */
        Booted,
        /** An operator deleted it; the last event of the station. */
        Deleted
    }

    public StationChanged {
        Objects.requireNonNull(stationId, "stationId");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(registrationStatus, "registrationStatus");
        Objects.requireNonNull(changedAt, "changedAt");
        allowedOcppVersions = allowedOcppVersions == null || allowedOcppVersions.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(allowedOcppVersions));
    }
}
