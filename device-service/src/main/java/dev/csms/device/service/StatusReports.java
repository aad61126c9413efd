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
import java.util.function.Function;
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
        return recordOnceAndAnswer(envelope, sameCall, report, recorded -> Uni.createFrom().voidItem());
    }

    /**
     * @param recorded runs in the same transaction after a new report was stored (not for a redelivered call)
     */
    public <R extends PanacheEntityBase> Uni<Void> recordOnceAndAnswer(EventEnvelope<StationCall> envelope,
            Supplier<Uni<Long>> sameCall, Supplier<R> report, Function<R, Uni<Void>> recorded) {
        StationCall call = envelope.data();
        return Panache.withTransaction(() -> sameCall.get()
                .chain(seen -> {
                    if (seen != 0) {
                        return Uni.createFrom().voidItem();
                    }
                    R built = report.get();
                    return built.persist().chain(() -> recorded.apply(built));
                })
                .chain(() -> outbox.enqueue(records.answer(CallAnswer.of(call, envelope.id(), new EmptyAnswer())))));
    }
}
