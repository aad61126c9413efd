package dev.csms.session.rest;

import java.util.List;

/** One page of sessions, newest start first. */
public record SessionPage(List<SessionView> items, int page, int size, long total) {
}
