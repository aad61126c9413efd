package dev.csms.device.rest;

import dev.csms.device.model.Station;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.RegistrationStatus;
import java.time.Instant;
import java.util.List;

/** A station as the operator API shows it: never the password or its hash, only whether one is set. */
public record StationView(String id, String siteId, int securityProfile, boolean passwordSet, boolean enabled,
        RegistrationStatus registrationStatus, String expectedVendor, String expectedModel,
        List<String> allowedOcppVersions, Integer heartbeatInterval, Reported reported, Instant createdAt,
        Instant updatedAt, boolean provisioning) {

    /** What the station reported at its last boot. */
    public record Reported(String vendor, String model, String serialNumber, String firmwareVersion, String iccid,
            String imsi, String bootReason, Instant bootedAt) {
    }

    public static StationView of(Station s) {
        Reported reported = s.lastBootAt == null ? null : new Reported(s.reportedVendor, s.reportedModel,
                s.reportedSerial, s.reportedFirmware, s.reportedIccid, s.reportedImsi, s.lastBootReason, s.lastBootAt);
        return new StationView(s.id, s.siteId, s.securityProfile, s.passwordHash != null, s.enabled,
                s.registrationStatus, s.expectedVendor, s.expectedModel,
                s.allowedVersions.stream().map(OcppVersion::label).toList(), s.heartbeatInterval, reported,
                s.createdAt, s.updatedAt, s.provisioning);
    }
}
