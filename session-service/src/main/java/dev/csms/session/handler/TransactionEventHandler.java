package dev.csms.session.handler;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.StationEvent.TransactionEvent;
import dev.csms.runtime.inbound.StationCallHandler;
import dev.csms.session.service.SessionRecorder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * TransactionEvent: 2.x TransactionEvent and, through the canonical model, 1.6 StartTransaction, StopTransaction
 * and MeterValues with a transaction id. Recorded by {@link SessionRecorder}, which answers when the station waits.
 */
@ApplicationScoped
public class TransactionEventHandler implements StationCallHandler<TransactionEvent> {

    private final SessionRecorder recorder;

    TransactionEventHandler(SessionRecorder recorder) {
        this.recorder = recorder;
    }

    @Override
    public Class<TransactionEvent> eventClass() {
        return TransactionEvent.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> call, TransactionEvent event) {
        return recorder.record(call, event);
    }
}
