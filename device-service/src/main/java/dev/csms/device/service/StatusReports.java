package dev.csms.device.service;

import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.CsmsAnswer.EmptyAnswer;
import dev.csms.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * What every status notification handler does (firmware, log upload): store the report once per call and answer
 * the call with an empty answer, in one transaction. A redelivered call (same event id) is answered again but not
 * stored twice.
 */
@ApplicationScoped
public class StatusReports {

    private final Outbox outbox;
    private final StationRecords records;

    StatusReports(Outbox outbox, StationRecords records) {
        this.outbox = outbox;
        this.records = records;
    }

    /**
     * @param sameCall counts the reports already stored for this call (station id and event id)
     * @param report   builds the report to store when there is none
     */
    public Uni<Void> recordOnceAndAnswer(EventEnvelope<StationCall> envelope, Supplier<Uni<Long>> sameCall,
            Supplier<? extends PanacheEntityBase> report) {
        StationCall call = envelope.data();
        return Panache.withTransaction(() -> sameCall.get()
                .chain(seen -> seen == 0 ? report.get().persist().replaceWithVoid() : Uni.createFrom().voidItem())
                .chain(() -> outbox.enqueue(records.answer(CallAnswer.of(call, envelope.id(), new EmptyAnswer())))));
    }
}
