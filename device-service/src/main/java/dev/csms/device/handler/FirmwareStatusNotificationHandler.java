package dev.csms.device.handler;

import dev.csms.runtime.persistence.Counts;
import dev.csms.device.firmware.FirmwareStatusListener;
import dev.csms.device.firmware.FirmwareStatusReport;
import dev.csms.device.service.StatusReports;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.StationEvent.FirmwareStatusNotification;
import dev.csms.runtime.inbound.StationCallHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * Records a station's firmware progress (FirmwareStatusNotification of 1.6 and 2.x, the 1.6 security extension's
 * SignedFirmwareStatusNotification) and answers it, in one transaction. A redelivered call (same event id) is not
 * recorded twice but answered again. Every {@link FirmwareStatusListener} (a firmware campaign) learns of a newly
 * recorded status in that transaction.
 */
@ApplicationScoped
public class FirmwareStatusNotificationHandler implements StationCallHandler<FirmwareStatusNotification> {

    private final StatusReports reports;
    private final Instance<FirmwareStatusListener> listeners;

    FirmwareStatusNotificationHandler(StatusReports reports, @Any Instance<FirmwareStatusListener> listeners) {
        this.reports = reports;
        this.listeners = listeners;
    }

    @Override
    public Class<FirmwareStatusNotification> eventClass() {
        return FirmwareStatusNotification.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> envelope, FirmwareStatusNotification event) {
        StationCall call = envelope.data();
        return reports.recordOnceAndAnswer(envelope,
                () -> Counts.count(FirmwareStatusReport.class, "stationId = ?1 and callId = ?2", call.stationId(), envelope.id()),
                () -> {
                    FirmwareStatusReport report = new FirmwareStatusReport();
                    report.stationId = call.stationId();
                    report.callId = envelope.id();
                    report.ocppVersion = call.ocppVersion().label();
                    report.status = event.status();
                    report.requestId = event.requestId();
                    report.receivedAt = call.receivedAt();
                    return report;
                }, this::notifyListeners);
    }

    private Uni<Void> notifyListeners(FirmwareStatusReport report) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (FirmwareStatusListener listener : listeners) {
            chain = chain.chain(() -> listener.reported(report));
        }
        return chain;
    }
}
