package dev.csms.simulator.station.commands;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.simulator.connection.Reply;
import dev.csms.simulator.station.Json;
import dev.csms.simulator.station.Setting;
import dev.csms.simulator.station.StationRuntime;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * 2.x GetBaseReport: Accepted, then NotifyReport pages with the device model: ConfigurationInventory (what can
 * be set), FullInventory (everything), SummaryInventory (availability).
 */
final class GetBaseReportHandler implements CommandHandler {

    @Override
    public Set<String> actions(OcppVersion version) {
        return CommandHandler.named(version, null, "GetBaseReport");
    }

    @Override
    public Reply handle(StationRuntime station, String action, ObjectNode request) {
        Predicate<Setting> filter = switch (request.path("reportBase").asText()) {
            case "ConfigurationInventory" -> s -> s.mutability() != Setting.Mutability.READ_ONLY;
            case "SummaryInventory" -> Setting::summary;
            default -> s -> true;
        };
        int requestId = request.path("requestId").asInt();
        List<ObjectNode> entries = DeviceModel.report(station, filter);
        return Reply.result(Json.status("Accepted"), () -> NotifyReports.send(station, requestId, entries));
    }
}
