package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.Setting;
import dev.csms.simulator.station.StationRuntime;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/**
 * 2.x GetReport: the variables of the requested components (and variables), as NotifyReport; EmptyResultSet when
 * nothing matches. Component criteria: every simulated component is Active, Available and Enabled and has no
 * Problem, so a request for Problem components only is empty.
 */
final class GetReportHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return CommandHandler.named(version, null, "GetReport");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        JsonNode criteria = request.path("componentCriteria");
        boolean onlyProblems = criteria.isArray() && !criteria.isEmpty()
                && StreamSupport.stream(criteria.spliterator(), false)
                        .allMatch(c -> "Problem".equals(c.asText()));
        JsonNode wanted = request.path("componentVariable");
        Predicate<Setting> filter = s -> !onlyProblems;
        if (wanted.isArray() && !wanted.isEmpty()) {
            filter = filter.and(s -> matches(s, wanted));
        }
        List<ObjectNode> entries = DeviceModel.report(station, filter);
        if (entries.isEmpty()) {
            return Reply.result(Json.status("EmptyResultSet"));
        }
        int requestId = request.path("requestId").asInt();
        return Reply.result(Json.status("Accepted"), () -> NotifyReports.send(station, requestId, entries));
    }

    private static boolean matches(Setting setting, JsonNode wanted) {
        for (JsonNode entry : wanted) {
            boolean component = setting.component().equals(entry.path("component").path("name").asText());
            JsonNode variable = entry.get("variable");
            if (component && (variable == null || setting.variable().equals(variable.path("name").asText()))) {
                return true;
            }
        }
        return false;
    }
}
