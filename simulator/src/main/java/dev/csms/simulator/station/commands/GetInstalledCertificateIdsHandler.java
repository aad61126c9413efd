package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.CertificateStore;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * GetInstalledCertificateIds: the hash data of the installed certificates of the asked type(s) (1.6 one type,
 * 2.x a list or all), or NotFound.
 */
final class GetInstalledCertificateIdsHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return Set.of("GetInstalledCertificateIds");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        Set<String> types = new HashSet<>();
        JsonNode requested = request.path("certificateType");
        if (requested.isArray()) {
            requested.forEach(t -> types.add(t.asText()));
        } else if (requested.isTextual()) {
            types.add(requested.asText());
        }
        List<CertificateStore.Installed> found = station.certificates().find(types);
        if (found.isEmpty()) {
            return Reply.result(Json.status("NotFound"));
        }
        ObjectNode response = Json.status("Accepted");
        boolean twoX = station.version().isTwoX();
        ArrayNode list = response.putArray(twoX ? "certificateHashDataChain" : "certificateHashData");
        for (CertificateStore.Installed installed : found) {
            ObjectNode hash = hashData(installed.hash());
            if (twoX) {
                list.addObject().put("certificateType", installed.type()).set("certificateHashData", hash);
            } else {
                list.add(hash);
            }
        }
        return Reply.result(response);
    }

    static ObjectNode hashData(CertificateStore.HashData hash) {
        return Json.object()
                .put("hashAlgorithm", hash.hashAlgorithm())
                .put("issuerNameHash", hash.issuerNameHash())
                .put("issuerKeyHash", hash.issuerKeyHash())
                .put("serialNumber", hash.serialNumber());
    }
}
