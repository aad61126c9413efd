package dev.csms.device.security;

import java.util.List;

/** One page of a station's security events, newest first. */
public record SecurityEventPage(String stationId, List<SecurityEventView> items, int page, int size, long total) {
}
