package dev.csms.session.rest;

import java.util.List;

/** One page of reservations, newest first. */
public record ReservationPage(List<ReservationView> items, int page, int size, long total) {
}
