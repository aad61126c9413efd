package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/**
 * 1.6 SignedUpdateFirmware (security extension): like 2.x UpdateFirmware, reported with
 * SignedFirmwareStatusNotification including SignatureVerified.
 */
final class SignedUpdateFirmwareHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return CommandHandler.named(version, "SignedUpdateFirmware", null);
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        return UpdateFirmwareHandler.startSigned(station, request, true);
    }
}
