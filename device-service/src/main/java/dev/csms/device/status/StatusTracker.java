package dev.csms.device.status;

import dev.csms.runtime.persistence.Counts;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.StationCall;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records the statuses of one StationCall (StatusNotification, NotifyEvent AvailabilityState) in the caller's
 * transaction: every report goes to the history, and becomes the connector's current status unless that one was
 * reported later (a late, reordered report does not replace a newer one). A redelivered call (same event id) is
 * recognised by its history rows and changes nothing. Of several reports of one connector in one call, the last
 * counts.
 */
@ApplicationScoped
public class StatusTracker {

    /**
     * @param source the OCPP action that carried the reports
     * @return the reports that became a current status (empty for a redelivered call)
     */
    public Uni<List<StatusChange>> record(EventEnvelope<StationCall> envelope, String source,
            List<StatusReport> reports) {
        StationCall call = envelope.data();
        if (reports.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Counts.count(ConnectorStatusEntry.class, "stationId = ?1 and callId = ?2", call.stationId(), envelope.id())
                .chain(seen -> {
                    if (seen > 0) {
                        return Uni.createFrom().item(List.<StatusChange>of());
                    }
                    List<StatusChange> changes = new ArrayList<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (StatusReport report : lastPerConnector(reports)) {
                        chain = chain.chain(() -> recordOne(envelope, source, report)
                                .invoke(change -> {
                                    if (change != null) {
                                        changes.add(change);
                                    }
                                }).replaceWithVoid());
                    }
                    return chain.replaceWith(changes);
                });
    }

    /**
     * The last report of each connector, in the call's order: a NotifyEvent may carry several AvailabilityState
     * changes of one connector, and the history keeps one row per connector and call (a second row would fail the
     * call's transaction on every retry and hold the partition).
     */
    static List<StatusReport> lastPerConnector(List<StatusReport> reports) {
        Map<List<Integer>, StatusReport> last = new LinkedHashMap<>();
        for (StatusReport report : reports) {
            List<Integer> key = List.of(report.evseId(), report.connectorId());
            last.remove(key);
            last.put(key, report);
        }
        return List.copyOf(last.values());
    }

    private Uni<StatusChange> recordOne(EventEnvelope<StationCall> envelope, String source, StatusReport report) {
        StationCall call = envelope.data();
        ConnectorStatusEntry entry = new ConnectorStatusEntry();
        entry.callId = envelope.id();
        entry.stationId = call.stationId();
        entry.evseId = report.evseId();
        entry.connectorId = report.connectorId();
        entry.status = report.status();
        entry.originalStatus = report.originalStatus();
        entry.errorCode = report.errorCode();
        entry.info = report.info();
        entry.vendorId = report.vendorId();
        entry.vendorErrorCode = report.vendorErrorCode();
        entry.source = source;
        entry.ocppVersion = call.ocppVersion().label();
        entry.reportedAt = report.reportedAt() != null ? report.reportedAt() : call.receivedAt();
        entry.receivedAt = call.receivedAt();
        return entry.persist().chain(() -> ConnectorState.<ConnectorState>find(
                "stationId = ?1 and evseId = ?2 and connectorId = ?3", call.stationId(), report.evseId(),
                report.connectorId()).withLock(LockModeType.PESSIMISTIC_WRITE).<ConnectorState>firstResult())
                .chain(current -> {
                    if (current != null && current.reportedAt.isAfter(entry.reportedAt)) {
                        return Uni.createFrom().nullItem(); // a newer status is already current
                    }
                    StatusChange change = new StatusChange(call.stationId(), entry.evseId, entry.connectorId,
                            current == null ? null : current.status, entry.status, entry.errorCode);
                    ConnectorState state = current != null ? current : new ConnectorState();
                    state.copy(entry);
                    return (current != null ? Uni.createFrom().voidItem() : state.persist().replaceWithVoid())
                            .replaceWith(change);
                });
    }
}
