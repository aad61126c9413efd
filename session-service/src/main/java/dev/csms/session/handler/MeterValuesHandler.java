package dev.csms.session.handler;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.StationEvent.MeterValues;
import dev.csms.runtime.inbound.StationCallHandler;
import dev.csms.session.service.SessionRecorder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * MeterValues outside a transaction (2.x MeterValues, 1.6 MeterValues without transactionId): the readings of an
 * EVSE are linked to the session that ran on it at their time. The gateway answers these itself.
 */
@ApplicationScoped
public class MeterValuesHandler implements StationCallHandler<MeterValues> {

    private final SessionRecorder recorder;

    MeterValuesHandler(SessionRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public Class<MeterValues> eventClass() {
        return MeterValues.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> call, MeterValues event) {
        return recorder.link(call.data(), event);
    }
}
