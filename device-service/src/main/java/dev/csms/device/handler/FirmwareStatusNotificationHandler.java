package dev.csms.device.handler;

import dev.csms.device.firmware.FirmwareStatusReport;
import dev.csms.device.service.StationRecords;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.CallAnswer;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.CsmsAnswer.EmptyAnswer;
import dev.csms.ocpp.canonical.StationEvent.FirmwareStatusNotification;
import dev.csms.runtime.inbound.StationCallHandler;
import dev.csms.runtime.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records a station's firmware progress (FirmwareStatusNotification of 1.6 and 2.x, the 1.6 security extension's
 * SignedFirmwareStatusNotification) and answers it, in one transaction. A redelivered call (same event id) is not
 * recorded twice but answered again.
 */
@ApplicationScoped
public class FirmwareStatusNotificationHandler implements StationCallHandler<FirmwareStatusNotification> {

    private final Outbox outbox;
    private final StationRecords records;

    FirmwareStatusNotificationHandler(Outbox outbox, StationRecords records) {
        this.outbox = outbox;
        this.records = records;
    }

    @Override
    public Class<FirmwareStatusNotification> eventClass() {
        return FirmwareStatusNotification.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> envelope, FirmwareStatusNotification event) {
        StationCall call = envelope.data();
        return Panache.withTransaction(() -> FirmwareStatusReport.count("stationId = ?1 and callId = ?2",
                call.stationId(), envelope.id()).chain(seen -> {
                    Uni<Void> recorded = Uni.createFrom().voidItem();
                    if (seen == 0) {
                        FirmwareStatusReport report = new FirmwareStatusReport();
                        report.stationId = call.stationId();
                        report.callId = envelope.id();
                        report.ocppVersion = call.ocppVersion().label();
                        report.status = event.status();
                        report.requestId = event.requestId();
                        report.receivedAt = call.receivedAt();
                        recorded = report.persist().replaceWithVoid();
                    }
                    return recorded.chain(() -> outbox.enqueue(records.answer(
                            CallAnswer.of(call, envelope.id(), new EmptyAnswer()))));
                }));
    }
}
