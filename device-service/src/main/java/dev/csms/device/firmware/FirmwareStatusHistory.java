package dev.csms.device.firmware;

import dev.csms.device.model.Station;
import dev.csms.runtime.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Reads a station's firmware status history. */
@ApplicationScoped
public class FirmwareStatusHistory {

    /** How many reported statuses the API shows, newest first. */
    public static final int HISTORY_LIMIT = 100;

    /** The station's firmware view; 404 for an unknown station. */
    public Uni<StationFirmwareView> of(String stationId) {
        return Panache.withSession(() -> Station.<Station>findById(stationId).chain(station -> {
            if (station == null) {
                return Uni.createFrom().failure(ProblemException.notFound("station " + stationId + " not found"));
            }
            return FirmwareStatusReport.<FirmwareStatusReport>find("stationId", Sort.descending("receivedAt", "id"),
                    stationId).page(Page.ofSize(HISTORY_LIMIT)).list().map(reports -> {
                        List<FirmwareStatusView> history = reports.stream().map(FirmwareStatusView::of).toList();
                        return new StationFirmwareView(stationId, station.reportedFirmware,
                                history.isEmpty() ? null : history.get(0), history);
                    });
        }));
    }
}
