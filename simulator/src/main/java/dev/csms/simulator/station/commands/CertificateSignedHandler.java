package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/** CertificateSigned: Accepted when the chain is X.509 (the station keeps it), Rejected otherwise. */
final class CertificateSignedHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("CertificateSigned");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        boolean accepted = station.certificates().acceptSigned(request.path("certificateChain").asText());
        return Reply.result(Json.status(accepted ? "Accepted" : "Rejected"));
    }
}
