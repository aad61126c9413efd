package dev.csms.device.service;

import dev.csms.device.config.DeviceConfig;
import dev.csms.device.model.Station;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.ChargingStationInfo;
import dev.csms.ocpp.canonical.CsmsAnswer.BootNotificationAnswer;
import dev.csms.ocpp.canonical.RegistrationStatus;
import dev.csms.ocpp.canonical.StationEvent.BootNotification;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * The BootNotification policy ({@code csms.device.boot.*}), shared by the per-record handler and the batched path:
 * Accepted for a known enabled accepted station (its own heartbeat interval or the global one), Pending for a
 * station awaiting an operator or while an operator has set it provisioning, Rejected for a disabled one; what a
 * boot records about the station; whether the reported vendor and model are the expected ones.
 */
@ApplicationScoped
public class BootPolicy {

    private final DeviceConfig.Boot config;
    private final Clock clock;

    BootPolicy(DeviceConfig config, Clock clock) {
        this.config = config.boot();
        this.clock = clock;
    }

    /** Whether the gateway has stopped waiting for this call's answer (it answered with its fallback). */
    public boolean pastDeadline(StationCall call) {
        return call.answerDeadline() != null && clock.instant().isAfter(call.answerDeadline());
    }

    /** The answer to a known station's boot. */
    public BootNotificationAnswer decide(Station station) {
        if (!station.enabled) {
            return answerOf(RegistrationStatus.Rejected, config.rejectedRetryInterval());
        }
        if (station.registrationStatus != RegistrationStatus.Accepted || station.provisioning) {
            return answerOf(RegistrationStatus.Pending, config.pendingRetryInterval());
        }
        return station.heartbeatInterval != null
                ? new BootNotificationAnswer(RegistrationStatus.Accepted, station.heartbeatInterval, clock.instant(),
                        null)
                : answerOf(RegistrationStatus.Accepted, config.heartbeatInterval());
    }

    /** An answer with the status and the retry (or heartbeat) interval. */
    public BootNotificationAnswer answerOf(RegistrationStatus status, Duration interval) {
        return new BootNotificationAnswer(status, Math.toIntExact(interval.toSeconds()), clock.instant(), null);
    }

    /** Records what the station reported at its boot (not persisted here). */
    public void record(Station station, BootNotification boot, StationCall call) {
        ChargingStationInfo info = boot.station();
        station.reportedVendor = info.vendorName();
        station.reportedModel = info.model();
        station.reportedSerial = info.serialNumber();
        station.reportedFirmware = info.firmwareVersion();
        station.reportedIccid = info.modem() == null ? null : info.modem().iccid();
        station.reportedImsi = info.modem() == null ? null : info.modem().imsi();
        station.lastBootReason = boot.reason() == null ? null : boot.reason().name();
        station.lastBootAt = call.receivedAt();
        station.updatedAt = clock.instant();
    }

    /**
     * How the reported vendor and model differ from the expected ones (case-insensitively; a blank expectation
     * accepts anything); empty when they match.
     */
    public String vendorModelMismatch(Station station) {
        return (mismatch("vendor", station.expectedVendor, station.reportedVendor)
                + mismatch("model", station.expectedModel, station.reportedModel)).strip();
    }

    private static String mismatch(String what, String expected, String reported) {
        if (expected == null || expected.isBlank()
                || (reported != null && expected.toLowerCase(Locale.ROOT).equals(reported.toLowerCase(Locale.ROOT)))) {
            return "";
        }
        return "expected " + what + " " + expected + " but the station reports " + reported + ". ";
    }
}
