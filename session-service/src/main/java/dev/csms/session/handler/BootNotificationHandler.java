package dev.csms.session.handler;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import dev.csms.events.sessions.SessionEnd;
import dev.csms.ocpp.canonical.StationEvent.BootNotification;
import dev.csms.runtime.inbound.StationCallHandler;
import dev.csms.session.service.StaleSessions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * BootNotification: a station that rebooted runs none of its stale sessions any more, so they end. device-service
 * answers the boot; this handler never does.
 */
@ApplicationScoped
public class BootNotificationHandler implements StationCallHandler<BootNotification> {

    private final StaleSessions stale;

    BootNotificationHandler(StaleSessions stale) {
        this.stale = stale;
    }

    @Override
    public Class<BootNotification> eventClass() {
        return BootNotification.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> call, BootNotification event) {
        return stale.close(call.data().stationId(), null, SessionEnd.StationRebooted, call.data().receivedAt())
                .replaceWithVoid();
    }
}
