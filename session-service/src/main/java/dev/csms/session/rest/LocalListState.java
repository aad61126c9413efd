package dev.csms.session.rest;

import dev.csms.session.model.AuthorizationCommand;
import java.time.Instant;
import java.util.List;

/**
 * A station's local authorization list versions and its recent authorization commands.
 *
 * @param stationId        the station
 * @param issuedVersion    the version of the last SendLocalList sent; 0 before any
 * @param confirmedVersion the version of the last one the station accepted; 0 before any
 * @param reportedVersion  what the station said at the last GetLocalListVersion; null before any
 * @param reportedAt       when it said so
 * @param commands         the latest commands, newest first (at most 20)
 */
public record LocalListState(String stationId, int issuedVersion, int confirmedVersion, Integer reportedVersion,
        Instant reportedAt, List<CommandView> commands) {

    /** A command and how it ended. */
    public record CommandView(String commandId, String action, Integer versionNumber, String updateType,
            Integer entries, AuthorizationCommand.Status status, String outcome, String detail, Instant createdAt,
            Instant completedAt) {

        public static CommandView of(AuthorizationCommand c) {
            return new CommandView(c.commandId.toString(), c.action, c.versionNumber, c.updateType, c.entries,
                    c.status, c.outcome, c.detail, c.createdAt, c.completedAt);
        }
    }
}
