package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/** InstallCertificate: Accepted for an X.509 certificate (listed from then on), Rejected otherwise. */
final class InstallCertificateHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("InstallCertificate");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        boolean installed = station.certificates().install(request.path("certificateType").asText(),
                request.path("certificate").asText());
        return Reply.result(Json.status(installed ? "Accepted" : "Rejected"));
    }
}
