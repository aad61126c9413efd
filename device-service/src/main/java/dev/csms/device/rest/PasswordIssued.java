package dev.csms.device.rest;

/** The station's new password, shown once: it is stored only as a salted slow hash. */
public record PasswordIssued(String stationId, String password) {
}
