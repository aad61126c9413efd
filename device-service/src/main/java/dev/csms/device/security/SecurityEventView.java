package dev.csms.device.security;

import java.time.Instant;

/** A reported security event as the operator API shows it. */
public record SecurityEventView(String eventType, Instant occurredAt, String techInfo, boolean critical,
        String ocppVersion, Instant receivedAt) {

    static SecurityEventView of(SecurityEvent e) {
        return new SecurityEventView(e.eventType, e.occurredAt, e.techInfo, e.critical, e.ocppVersion, e.receivedAt);
    }
}
