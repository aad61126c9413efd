package dev.csms.session.rest;

/**
 * A remote start or stop sent to a station; {@code GET /api/v1/commands/{commandId}} shows its result.
 *
 * @param commandId     the command's id in the command ledger
 * @param stationId     the station
 * @param remoteStartId the remoteStartId allocated for a remote start (the ledger reference of the command; a 2.x
 *                      station echoes it in its TransactionEvents, so the session shows it); null for a stop
 */
public record RemoteCommand(String commandId, String stationId, Integer remoteStartId) {
}
