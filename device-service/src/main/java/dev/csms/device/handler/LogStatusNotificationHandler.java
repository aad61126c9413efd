package dev.csms.device.handler;

import dev.csms.runtime.persistence.Counts;
import dev.csms.device.logs.LogStatusReport;
import dev.csms.device.service.StatusReports;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.canonical.StationEvent.LogStatusNotification;
import dev.csms.runtime.inbound.StationCallHandler;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records a station's log upload progress and answers it, in one transaction: 1.6 DiagnosticsStatusNotification and
 * LogStatusNotification (1.6 security extension, 2.x) are the one canonical LogStatusNotification, so this one
 * handler takes both actions and keeps which it was. A redelivered call (same event id) is not recorded twice but
 * answered again.
 */
@ApplicationScoped
public class LogStatusNotificationHandler implements StationCallHandler<LogStatusNotification> {

    private final StatusReports reports;

    LogStatusNotificationHandler(StatusReports reports) {
        this.reports = reports;
    }

    @Override
    public Class<LogStatusNotification> eventClass() {
        return LogStatusNotification.class;
    }

    @Override
    public Uni<Void> handle(EventEnvelope<StationCall> envelope, LogStatusNotification event) {
        StationCall call = envelope.data();
        return reports.recordOnceAndAnswer(envelope,
                () -> Counts.count(LogStatusReport.class, "stationId = ?1 and callId = ?2", call.stationId(), envelope.id()),
                () -> {
                    LogStatusReport report = new LogStatusReport();
                    report.stationId = call.stationId();
                    report.callId = envelope.id();
                    report.action = call.action();
                    report.ocppVersion = call.ocppVersion().label();
                    report.status = event.status();
                    report.requestId = event.requestId();
                    report.receivedAt = call.receivedAt();
                    return report;
                });
    }
}
