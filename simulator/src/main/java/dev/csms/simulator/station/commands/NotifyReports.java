package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.simulator.connection.CallKind;
import dev.csms.simulator.connection.OutgoingCall;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.Settings;
import dev.csms.simulator.station.StationRuntime;
import java.util.List;

/** Sends report entries as NotifyReport messages, a page at a time (seqNo from 0, tbc on all but the last). */
final class NotifyReports {

    static final int PAGE = Settings.REPORT_PAGE;

    private NotifyReports() {
    }

    static void send(StationRuntime station, int requestId, List<ObjectNode> entries) {
        String generatedAt = station.timestamp();
        int pages = Math.max(1, (entries.size() + PAGE - 1) / PAGE);
        for (int page = 0; page < pages; page++) {
            ObjectNode payload = Json.object()
                    .put("requestId", requestId)
                    .put("generatedAt", generatedAt)
                    .put("seqNo", page);
            if (page < pages - 1) {
                payload.put("tbc", true);
            }
            List<ObjectNode> slice = entries.subList(page * PAGE, Math.min(entries.size(), (page + 1) * PAGE));
            if (!slice.isEmpty()) {
                payload.putArray("reportData").addAll(slice);
            }
            station.send(OutgoingCall.of("NotifyReport", payload, CallKind.REQUESTED));
        }
    }
}
