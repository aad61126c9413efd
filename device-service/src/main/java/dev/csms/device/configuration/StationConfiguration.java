package dev.csms.device.configuration;

import dev.csms.device.model.Station;
import dev.csms.device.operation.StationOperations;
import dev.csms.runtime.command.CommandRecord;
import dev.csms.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A station's last known configuration, and the command that makes the station report all of it. */
@ApplicationScoped
public class StationConfiguration {

    /** The ledger kind of report commands (1.6 GetConfiguration, 2.x GetBaseReport). */
    public static final String REPORT_KIND = "configuration-report";

    /** How many of the newest device model reports the view lists. */
    private static final int REPORTS_SHOWN = 10;

    private final StationOperations operations;

    StationConfiguration(StationOperations operations) {
        this.operations = operations;
    }

    /**
     * Asks the station for its whole configuration: 1.6 GetConfiguration without keys (the answer replaces the
     * stored keys), 2.x GetBaseReport FullInventory (the station then sends its device model in NotifyReports);
     * the request id (2.x) is the command's reference.
     */
    public Uni<CommandRecord> requestReport(String stationId, String requestedBy) {
        return operations.sendWithRequestId(stationId, REPORT_KIND, ConfigurationCommands::report, requestedBy);
    }

    /** The station's configuration; 404 for an unknown station. */
    public Uni<StationConfigurationView> of(String stationId) {
        return Panache.withSession(() -> Station.<Station>findById(stationId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No station " + stationId))
                .chain(station -> StationConfigurationKey.<StationConfigurationKey>list(
                        "id.stationId = ?1 order by id.key", stationId))
                .chain(keys -> StationVariable.<StationVariable>list("stationId = ?1 order by component, "
                        + "componentInstance, evseId nulls first, connectorId nulls first, variable, "
                        + "variableInstance, attributeType", stationId)
                        .chain(variables -> DeviceModelReport.<DeviceModelReport>list(
                                "stationId = ?1 order by receivedAt desc, id desc", stationId)
                                .map(parts -> new StationConfigurationView(stationId,
                                        keys.stream().map(StationConfigurationView.Key::of).toList(),
                                        variables.stream().map(StationConfigurationView.Variable::of).toList(),
                                        reports(parts))))));
    }

    /** Groups report parts (newest first) by request id, newest report first. */
    private static List<StationConfigurationView.Report> reports(List<DeviceModelReport> parts) {
        Map<Integer, List<DeviceModelReport>> byRequest = new LinkedHashMap<>();
        for (DeviceModelReport part : parts) {
            if (byRequest.size() == REPORTS_SHOWN && !byRequest.containsKey(part.requestId)) {
                continue;
            }
            byRequest.computeIfAbsent(part.requestId, id -> new ArrayList<>()).add(part);
        }
        List<StationConfigurationView.Report> reports = new ArrayList<>();
        byRequest.forEach((requestId, ofRequest) -> {
            int lastSeqNo = ofRequest.stream().filter(part -> !part.tbc).mapToInt(part -> part.seqNo).min()
                    .orElse(-1);
            boolean complete = lastSeqNo >= 0 && ofRequest.stream().filter(part -> part.seqNo <= lastSeqNo)
                    .count() == lastSeqNo + 1;
            DeviceModelReport first = ofRequest.stream().min(java.util.Comparator.comparingInt(part -> part.seqNo))
                    .orElseThrow();
            reports.add(new StationConfigurationView.Report(requestId, ofRequest.size(), complete,
                    first.generatedAt, ofRequest.get(0).receivedAt));
        });
        return reports;
    }
}
