package dev.csms.device.status;

import java.util.List;

/** One page of a station's status history, newest first. */
public record StatusHistoryPage(String stationId, List<ConnectorStatusView> items, int page, int size, long total) {
}
