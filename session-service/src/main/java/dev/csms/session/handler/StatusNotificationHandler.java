package dev.csms.session.handler;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import dev.csms.events.sessions.SessionEnd;
import dev.csms.ocpp.canonical.ConnectorStatus;
import dev.csms.ocpp.canonical.StationEvent.StatusNotification;
import dev.csms.runtime.inbound.StationCallHandler;
import dev.csms.session.service.StaleSessions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * StatusNotification: an Available connector (EVSE 0: the whole station) ends its stale sessions, since nothing
 * charges there any more. device-service owns connector status; this handler only reads it.
 */
@ApplicationScoped
public class StatusNotificationHandler implements StationCallHandler<StatusNotification> {

    private final StaleSessions stale;

    StatusNotificationHandler(StaleSessions stale) {
        this.stale = stale;
    }

    @Override
    public Class<StatusNotification> eventClass() {
        return StatusNotification.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> call, StatusNotification event) {
        if (event.status() != ConnectorStatus.Available) {
            return Uni.createFrom().voidItem();
        }
        return stale.close(call.data().stationId(), event.evseId(), SessionEnd.ConnectorAvailable,
                event.timestamp() != null ? event.timestamp() : call.data().receivedAt()).replaceWithVoid();
    }
}
