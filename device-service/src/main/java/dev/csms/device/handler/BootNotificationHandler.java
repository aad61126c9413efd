package dev.csms.device.handler;

import dev.csms.device.alert.AlertType;
import dev.csms.device.alert.Alerts;
import dev.csms.device.config.DeviceConfig;
import dev.csms.device.model.Station;
import dev.csms.device.service.BootPolicy;
import dev.csms.device.service.StationRecords;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.device.StationChanged.StationChange;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.OcppVersion;
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
import java.util.EnumSet;
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
    private final BootPolicy policy;
    private final DeviceConfig.Boot config;
    private final Clock clock;

    BootNotificationHandler(Outbox outbox, StationRecords records, Alerts alerts, BootPolicy policy,
            DeviceConfig config, Clock clock) {
        this.outbox = outbox;
        this.records = records;
        this.alerts = alerts;
        this.policy = policy;
        this.config = config.boot();
        this.clock = clock;
    }

    @Override
    public Class<BootNotification> eventClass() {
        return BootNotification.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> envelope, BootNotification boot) {
        StationCall call = envelope.data();
        if (policy.pastDeadline(call)) {
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
                    policy.record(station, boot, call);
                    return outbox.enqueue(records.changed(station, StationChange.Booted))
                            .chain(() -> checkVendorModel(station))
                            .chain(() -> answer(envelope, policy.decide(station)));
                }));
    }

    private Uni<Void> unknown(EventEnvelope<StationCall> envelope, BootNotification boot) {
        if (!config.autoRegistration()) {
            return answer(envelope, policy.answerOf(RegistrationStatus.Rejected, config.rejectedRetryInterval()));
        }
        Station station = new Station();
        station.id = envelope.data().stationId();
        station.securityProfile = config.autoRegistrationSecurityProfile();
        station.enabled = true;
        station.registrationStatus = RegistrationStatus.Pending;
        station.allowedVersions = EnumSet.allOf(OcppVersion.class);
        station.createdAt = clock.instant();
        policy.record(station, boot, envelope.data());
        // No credentials record: the station has no password yet; the operator sets one (or profile 3) later.
        return station.persist()
                .chain(() -> outbox.enqueue(records.changed(station, StationChange.AutoRegistered)))
                .chain(() -> answer(envelope, policy.answerOf(RegistrationStatus.Pending, config.pendingRetryInterval())));
    }

    /** Raises VendorModelMismatch when the reported vendor or model is not the expected one, else clears it. */
    private Uni<Void> checkVendorModel(Station station) {
        String mismatch = policy.vendorModelMismatch(station);
        return (mismatch.isEmpty()
                ? alerts.clear(station.id, AlertType.VendorModelMismatch, "station", "the station reports the expected "
                        + "vendor and model")
                : alerts.raise(station.id, AlertType.VendorModelMismatch, "station", mismatch))
                .replaceWithVoid();
    }

    private Uni<Void> answer(EventEnvelope<StationCall> envelope, BootNotificationAnswer answer) {
        return outbox.enqueue(records.answer(CallAnswer.of(envelope.data(), envelope.id(), answer)));
    }
}
