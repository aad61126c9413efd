package dev.csms.session.rest;

/**
 * A command sent to a station; its result shows in {@code GET /api/v1/local-lists/{stationId}}.
 *
 * @param stationId     the station
 * @param commandId     the command's id
 * @param action        SendLocalList, GetLocalListVersion or ClearCache
 * @param versionNumber the list version a SendLocalList sets; null for the others
 */
public record CommandIssued(String stationId, String commandId, String action, Integer versionNumber) {
}
