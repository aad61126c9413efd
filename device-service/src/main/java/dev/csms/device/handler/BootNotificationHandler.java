package dev.csms.device.handler;

import dev.csms.device.alert.AlertType;
import dev.csms.device.alert.Alerts;
import dev.csms.device.config.DeviceConfig;
import dev.csms.device.model.Station;
import dev.csms.device.service.StationRecords;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.device.StationChanged.StationChange;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.ChargingStationInfo;
import dev.csms.ocpp.canonical.CsmsAnswer.BootNotificationAnswer;
import dev.csms.ocpp.canonical.RegistrationStatus;
import dev.csms.ocpp.canonical.StationEvent.BootNotification;
import dev.csms.runtime.inbound.StationCallHandler;
import dev.csms.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The BootNotification policy: Accepted for a known enabled accepted station (its own heartbeat interval or the
 * global one), Pending for a station awaiting an operator or while an operator has set it provisioning, Rejected for
 * a disabled one; an unknown station is registered as pending when auto-registration is on, else Rejected. A station
 * whose reported vendor or model differs from the expected one (case-insensitively) is still answered as above, but
 * raises a VendorModelMismatch alert, cleared by a later boot that matches. What the station reported is recorded, and the
 * answer is written to the outbox in the same transaction, so a redelivered call gets the same answer again. A boot
 * that arrives after its answer deadline (the gateway has already answered it with its fallback) is skipped.
 */
@ApplicationScoped
public class BootNotificationHandler implements StationCallHandler<BootNotification> {

    private static final Logger LOG = Logger.getLogger(BootNotificationHandler.class);

    private final Outbox outbox;
    private final StationRecords records;
    private final Alerts alerts;
    private final DeviceConfig.Boot policy;
    private final Clock clock;

    BootNotificationHandler(Outbox outbox, StationRecords records, Alerts alerts, DeviceConfig config, Clock clock) {
        this.outbox = outbox;
        this.records = records;
        this.alerts = alerts;
        this.policy = config.boot();
        this.clock = clock;
    }

    @Override
    public Class<BootNotification> eventClass() {
        return BootNotification.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> envelope, BootNotification boot) {
        StationCall call = envelope.data();
        if (call.answerDeadline() != null && clock.instant().isAfter(call.answerDeadline())) {
            // Load shedding in a reconnect storm: the gateway has answered this boot with its fallback (Pending) and
            // the station boots again; deciding it now would only delay the boots that can still be answered.
            LOG.debugf("BootNotification of %s (event %s) is past its answer deadline %s: skipped", call.stationId(),
                    envelope.id(), call.answerDeadline());
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> Station.<Station>findById(call.stationId(),
                LockModeType.PESSIMISTIC_WRITE).chain(station -> {
                    if (station == null) {
                        return unknown(envelope, boot);
                    }
                    record(station, boot, envelope);
                    return outbox.enqueue(records.changed(station, StationChange.Booted))
                            .chain(() -> checkVendorModel(station))
                            .chain(() -> answer(envelope, decide(station)));
                }));
    }

    private Uni<Void> unknown(EventEnvelope<StationCall> envelope, BootNotification boot) {
        if (!policy.autoRegistration()) {
            return answer(envelope, RegistrationStatus.Rejected, policy.rejectedRetryInterval());
        }
        Station station = new Station();
        station.id = envelope.data().stationId();
        station.securityProfile = policy.autoRegistrationSecurityProfile();
        station.enabled = true;
        station.registrationStatus = RegistrationStatus.Pending;
        station.allowedVersions = EnumSet.allOf(OcppVersion.class);
        station.createdAt = clock.instant();
        record(station, boot, envelope);
        // No credentials record: the station has no password yet; the operator sets one (or profile 3) later.
        return station.persist()
                .chain(() -> outbox.enqueue(records.changed(station, StationChange.AutoRegistered)))
                .chain(() -> answer(envelope, RegistrationStatus.Pending, policy.pendingRetryInterval()));
    }

    private BootNotificationAnswer decide(Station station) {
        if (!station.enabled) {
            return answerOf(RegistrationStatus.Rejected, policy.rejectedRetryInterval());
        }
        if (station.registrationStatus != RegistrationStatus.Accepted || station.provisioning) {
            return answerOf(RegistrationStatus.Pending, policy.pendingRetryInterval());
        }
        return station.heartbeatInterval != null
                ? new BootNotificationAnswer(RegistrationStatus.Accepted, station.heartbeatInterval, clock.instant(), null)
                : answerOf(RegistrationStatus.Accepted, policy.heartbeatInterval());
    }

    /** Raises VendorModelMismatch when the reported vendor or model is not the expected one, else clears it. */
    private Uni<Void> checkVendorModel(Station station) {
        String mismatch = mismatch("vendor", station.expectedVendor, station.reportedVendor)
                + mismatch("model", station.expectedModel, station.reportedModel);
        return (mismatch.isEmpty()
                ? alerts.clear(station.id, AlertType.VendorModelMismatch, "station", "the station reports the expected "
                        + "vendor and model")
                : alerts.raise(station.id, AlertType.VendorModelMismatch, "station", mismatch.strip()))
                .replaceWithVoid();
    }

    private static String mismatch(String what, String expected, String reported) {
        if (expected == null || expected.isBlank()
                || (reported != null && expected.toLowerCase(Locale.ROOT).equals(reported.toLowerCase(Locale.ROOT)))) {
            return "";
        }
        return "expected " + what + " " + expected + " but the station reports " + reported + ". ";
    }

    private void record(Station station, BootNotification boot, EventEnvelope<StationCall> envelope) {
        ChargingStationInfo info = boot.station();
        station.reportedVendor = info.vendorName();
        station.reportedModel = info.model();
        station.reportedSerial = info.serialNumber();
        station.reportedFirmware = info.firmwareVersion();
        station.reportedIccid = info.modem() == null ? null : info.modem().iccid();
        station.reportedImsi = info.modem() == null ? null : info.modem().imsi();
        station.lastBootReason = boot.reason() == null ? null : boot.reason().name();
        station.lastBootAt = envelope.data().receivedAt();
        station.updatedAt = clock.instant();
    }

    private Uni<Void> answer(EventEnvelope<StationCall> envelope, RegistrationStatus status, Duration interval) {
        return answer(envelope, answerOf(status, interval));
    }

    private Uni<Void> answer(EventEnvelope<StationCall> envelope, BootNotificationAnswer answer) {
        return outbox.enqueue(records.answer(CallAnswer.of(envelope.data(), envelope.id(), answer)));
    }

    private BootNotificationAnswer answerOf(RegistrationStatus status, Duration interval) {
        return new BootNotificationAnswer(status, Math.toIntExact(interval.toSeconds()), clock.instant(), null);
    }
}
