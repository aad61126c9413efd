package dev.csms.device.logs;

import dev.csms.device.operation.CommandSummary;
import dev.csms.device.operation.StationOperations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads a station's log requests (from the command ledger) and its reported log statuses. */
@ApplicationScoped
public class LogHistory {

    /** How many reported statuses the API shows, newest first. */
    public static final int HISTORY_LIMIT = 100;

    private final StationOperations operations;

    LogHistory(StationOperations operations) {
        this.operations = operations;
    }

    /** The station's logs view; 404 for an unknown station. */
    public Uni<StationLogsView> of(String stationId) {
        return operations.recent(stationId, Integer.MAX_VALUE).chain(commands -> Panache.withSession(
                () -> LogStatusReport.<LogStatusReport>find("stationId", Sort.descending("receivedAt", "id"),
                        stationId).page(Page.ofSize(HISTORY_LIMIT)).list()).map(reports -> {
                            List<CommandSummary> requests = commands.stream()
                                    .filter(c -> LogResource.KIND.equals(c.kind())).map(CommandSummary::of).toList();
                            List<LogStatusView> history = reports.stream().map(LogStatusView::of).toList();
                            return new StationLogsView(stationId, requests, history.isEmpty() ? null : history.get(0),
                                    history);
                        }));
    }
}
