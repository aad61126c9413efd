package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.CallKind;
import dev.csms.simulator.connection.OutgoingCall;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.ChargingProfiles;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.StationRuntime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * 2.x GetChargingProfiles: Accepted and ReportChargingProfiles per EVSE with the matching profiles as they were
 * installed, or NoProfiles.
 */
final class GetChargingProfilesHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return CommandHandler.named(version, null, "GetChargingProfiles");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        Integer evseId = Json.integer(request, "evseId");
        JsonNode criterion = request.path("chargingProfile");
        String purpose = Json.text(criterion, "chargingProfilePurpose");
        Integer stackLevel = Json.integer(criterion, "stackLevel");
        Set<Integer> ids = new HashSet<>();
        criterion.path("chargingProfileId").forEach(id -> ids.add(id.asInt()));
        boolean onlyOtherSources = criterion.has("chargingLimitSource")
                && StreamSupport.stream(criterion.path("chargingLimitSource").spliterator(), false)
                        .noneMatch(s -> "CSO".equals(s.asText()));
        List<ChargingProfiles.Profile> matching = station.profiles().all().stream()
                .filter(p -> !onlyOtherSources)
                .filter(p -> evseId == null || p.evseId() == evseId)
                .filter(p -> purpose == null || p.purposeName().equals(purpose))
                .filter(p -> stackLevel == null || p.stackLevel() == stackLevel)
                .filter(p -> ids.isEmpty() || ids.contains(p.id()))
                .filter(p -> p.json().has("id"))
                .toList();
        if (matching.isEmpty()) {
            return Reply.result(Json.status("NoProfiles"));
        }
        int requestId = request.path("requestId").asInt();
        Map<Integer, List<ChargingProfiles.Profile>> byEvse = matching.stream()
                .collect(Collectors.groupingBy(ChargingProfiles.Profile::evseId, TreeMap::new, Collectors.toList()));
        return Reply.result(Json.status("Accepted"), () -> {
            int left = byEvse.size();
            for (Map.Entry<Integer, List<ChargingProfiles.Profile>> entry : byEvse.entrySet()) {
                ObjectNode payload = Json.object()
                        .put("requestId", requestId)
                        .put("chargingLimitSource", "CSO")
                        .put("evseId", entry.getKey());
                ArrayNode profiles = payload.putArray("chargingProfile");
                entry.getValue().forEach(p -> profiles.add(p.json()));
                if (--left > 0) {
                    payload.put("tbc", true);
                }
                station.send(OutgoingCall.of("ReportChargingProfiles", payload, CallKind.REQUESTED));
            }
        });
    }
}
