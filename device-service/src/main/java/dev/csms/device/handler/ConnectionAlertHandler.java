package dev.csms.device.handler;

import dev.csms.device.alert.AlertRules;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationConnected;
import dev.csms.events.ocpp.StationDisconnected;
import dev.csms.runtime.inbound.ConnectionEventHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The alert side of the gateway's connection events (presence itself is {@link StationPresenceHandler}): a
 * connection clears the station's offline alert, a disconnect counts for the repeated-disconnects rule (once per
 * connection epoch, so a redelivered event does not count twice).
 */
@ApplicationScoped
public class ConnectionAlertHandler implements ConnectionEventHandler {

    private final AlertRules rules;

    ConnectionAlertHandler(AlertRules rules) {
        this.rules = rules;
    }

    @Override
    public Uni<Void> connected(EventEnvelope<StationConnected> event) {
        return rules.connected(event.data().stationId());
    }

    @Override
    public Uni<Void> disconnected(EventEnvelope<StationDisconnected> event) {
        StationDisconnected d = event.data();
        return rules.disconnected(d.stationId(), d.connectionEpoch(), d.disconnectedAt());
    }
}
