package dev.csms.device.configuration;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A configuration request and its result per station.
 *
 * @param requestId   the request
 * @param operation   Read or Set
 * @param setting     as the operator named it
 * @param value       the value set (normalized); null for a read
 * @param requestedBy the operator
 * @param createdAt   when it was made
 * @param complete    whether every station has its result
 * @param counts      how many stations have each status
 * @param stations    the result per station, by station id
 */
public record ConfigurationRequestView(String requestId, String operation, String setting, String value,
        String requestedBy, Instant createdAt, boolean complete, Map<String, Long> counts,
        List<StationResult> stations) {

    /**
     * The result on one station.
     *
     * @param stationId   the station
     * @param ocppVersion the version it was connected with; null when offline
     * @param target      the 1.6 key or 2.x {@code component[.instance].variable} addressed; null when none
     * @param status      Pending, Accepted, Rejected, RebootRequired, NotSupported, UnknownComponent,
     *                    UnknownVariable, Offline, Timeout or Failed
     * @param value       the value read, or the value set once applied
     * @param detail      why, when the status alone does not say
     * @param commandId   the ledger command ({@code /api/v1/commands/{id}}); null when none was sent
     * @param completedAt when the result came; null while Pending
     */
    public record StationResult(String stationId, String ocppVersion, String target, String status, String value,
            String detail, String commandId, Instant completedAt) {

        static StationResult of(ConfigurationRequestStation row) {
            return new StationResult(row.id.stationId(), row.ocppVersion, row.target, row.status.name(), row.value,
                    row.detail, row.commandId, row.completedAt);
        }
    }

    static ConfigurationRequestView of(ConfigurationRequest request, List<ConfigurationRequestStation> rows) {
        List<StationResult> results = rows.stream()
                .sorted(java.util.Comparator.comparing(row -> row.id.stationId()))
                .map(StationResult::of).toList();
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (ConfigurationRequestStation row : rows) {
            counts.merge(row.status.name(), 1L, Long::sum);
        }
        return new ConfigurationRequestView(request.id, request.operation.name(), request.setting, request.value,
                request.requestedBy, request.createdAt, rows.stream().allMatch(row -> row.status.done()), counts,
                results);
    }
}
