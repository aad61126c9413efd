package dev.csms.device.alert;

import java.util.List;

/** One page of alerts, newest first. */
public record AlertPage(List<AlertView> items, int page, int size, long total) {
}
