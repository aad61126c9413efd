package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.CertificateStore;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.Set;

/** DeleteCertificate by hash data: Accepted, or NotFound. */
final class DeleteCertificateHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("DeleteCertificate");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        JsonNode hash = request.path("certificateHashData");
        boolean deleted = station.certificates().delete(new CertificateStore.HashData(
                hash.path("hashAlgorithm").asText(), hash.path("issuerNameHash").asText(),
                hash.path("issuerKeyHash").asText(), hash.path("serialNumber").asText()));
        return Reply.result(Json.status(deleted ? "Accepted" : "NotFound"));
    }
}
