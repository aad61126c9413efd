package dev.csms.session.service;

import dev.csms.events.sessions.SessionStatus;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.session.model.ChargingSession;
import dev.csms.session.model.RegisteredToken;
import dev.csms.session.rest.SessionDetail;
import dev.csms.session.rest.SessionPage;
import dev.csms.session.rest.SessionQuery;
import dev.csms.session.rest.SessionView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The operator's reads of sessions. */
@ApplicationScoped
public class SessionQueries {

    private final MeterReadings meters;

    SessionQueries(MeterReadings meters) {
        this.meters = meters;
    }

    public Uni<SessionPage> search(SessionQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.stationId != null) {
            where.append(" and stationId = :station");
            params.put("station", query.stationId);
        }
        if (query.idToken != null) {
            where.append(" and idTokenKey = :token");
            params.put("token", RegisteredToken.keyOf(query.idToken));
        }
        if (query.status != null) {
            where.append(" and status = :status");
            params.put("status", SessionStatus.valueOf(query.status));
        }
        Instant from = query.from == null ? null : OffsetDateTime.parse(query.from).toInstant();
        Instant to = query.to == null ? null : OffsetDateTime.parse(query.to).toInstant();
        if (from != null && to != null && !from.isBefore(to)) {
            return Uni.createFrom().failure(ProblemException.badRequest("from must be before to"));
        }
        if (from != null) {
            where.append(" and coalesce(startedAt, endedAt) >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and coalesce(startedAt, endedAt) < :to");
            params.put("to", to);
        }
        String order = " order by coalesce(startedAt, endedAt) desc, id";
        return Panache.withSession(() -> {
            var found = ChargingSession.<ChargingSession>find(where + order, params).page(Page.of(query.page, query.size));
            return found.list().chain(items -> ChargingSession.count(where.toString(), params).map(total ->
                    new SessionPage(items.stream().map(SessionView::of).toList(), query.page, query.size, total)));
        });
    }

    public Uni<SessionDetail> get(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(ProblemException.notFound("no session " + id));
        }
        return Panache.withSession(() -> ChargingSession.<ChargingSession>findById(uuid).chain(session -> {
            if (session == null) {
                throw ProblemException.notFound("no session " + id);
            }
            return meters.series(uuid).map(series -> new SessionDetail(SessionView.of(session),
                    series.stream().map(SessionDetail.Reading::of).toList()));
        }));
    }
}
