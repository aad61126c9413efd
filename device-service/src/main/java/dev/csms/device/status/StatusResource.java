package dev.csms.device.status;

import dev.csms.device.model.Station;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * Connector/EVSE status of a station: {@code GET /api/v1/stations/{id}/status} (current, with presence and last
 * seen) and {@code GET /api/v1/stations/{id}/status/history} (every reported status, newest first, paged).
 */
@Path("/api/v1/stations/{id}/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<StationStatusView> current(@PathParam("id") String id) {
        return Panache.withSession(() -> requireStation(id)
                .chain(() -> StationPresence.<StationPresence>findById(id))
                .chain(presence -> LastSeen.of(id)
                        .chain(lastSeen -> ConnectorState.<ConnectorState>find("stationId", Sort.by("evseId")
                                .and("connectorId"), id).list()
                                .map(states -> new StationStatusView(id, presence != null && presence.online,
                                        lastSeen, states.stream().map(ConnectorStatusView::of).toList())))));
    }

    @GET
    @Path("history")
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<StatusHistoryPage> history(@PathParam("id") String id, @Valid @BeanParam StatusHistoryQuery query) {
        Instant from = instant("from", query.from);
        Instant to = instant("to", query.to);
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.badRequest("from must be before to");
        }
        StringBuilder where = new StringBuilder("stationId = :station");
        Map<String, Object> params = new HashMap<>();
        params.put("station", id);
        if (from != null) {
            where.append(" and reportedAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and reportedAt < :to");
            params.put("to", to);
        }
        return Panache.withSession(() -> requireStation(id).chain(() -> {
            var found = ConnectorStatusEntry.<ConnectorStatusEntry>find(where.toString(),
                    Sort.descending("reportedAt", "id"), params).page(Page.of(query.page, query.size));
            return found.list().chain(items -> found.count().map(total -> new StatusHistoryPage(id,
                    items.stream().map(ConnectorStatusView::of).toList(), query.page, query.size, total)));
        }));
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an ISO 8601 instant, e.g. 2026-01-31T12:00:00Z");
        }
    }

    static Uni<Station> requireStation(String id) {
        return Station.<Station>findById(id).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("no station " + id));
    }
}
