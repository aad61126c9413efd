package dev.csms.device.handler;

import dev.csms.device.alert.AlertRules;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.StationEvent.BootNotification;
import dev.csms.runtime.inbound.StationCallHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts every BootNotification (once per call) for the boot-loop alert rule. It does not answer: the boot
 * policy's {@link BootNotificationHandler} owns the answer.
 */
@ApplicationScoped
public class BootLoopHandler implements StationCallHandler<BootNotification> {

    private final AlertRules rules;

    BootLoopHandler(AlertRules rules) {
        this.rules = rules;
    }

    @Override
    public Class<BootNotification> eventClass() {
        return BootNotification.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> call, BootNotification event) {
        return rules.booted(call.data().stationId(), call.id(), call.data().receivedAt());
    }
}
