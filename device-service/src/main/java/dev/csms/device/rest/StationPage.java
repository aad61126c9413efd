package dev.csms.device.rest;

import java.util.List;

/** One page of a station search. */
public record StationPage(List<StationView> items, int page, int size, long total) {
}
