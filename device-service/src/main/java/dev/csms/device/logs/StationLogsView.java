package dev.csms.device.logs;

import dev.csms.device.operation.CommandSummary;
import java.util.List;

/**
 * A station's log uploads: the requests sent (ledger kind {@code logs}) and the statuses it reported.
 *
 * @param stationId the station
 * @param requests  the log requests, newest first (their {@code reference} is the requestId)
 * @param current   the newest reported status; null when none was reported
 * @param history   reported statuses, newest first (at most {@link LogHistory#HISTORY_LIMIT})
 */
public record StationLogsView(String stationId, List<CommandSummary> requests, LogStatusView current,
        List<LogStatusView> history) {
}
