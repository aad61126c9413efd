package dev.csms.device.alert;

import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The operator API of alerts: list with filters and paging, read one, acknowledge one. */
@Path("/api/v1/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    private final Clock clock;
    private final Alerts alerts;

    AlertResource(Clock clock, Alerts alerts) {
        this.clock = clock;
        this.alerts = alerts;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<AlertPage> list(@Valid @BeanParam AlertQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.stationId != null) {
            where.append(" and stationId = :station");
            params.put("station", query.stationId);
        }
        if (query.type != null) {
            where.append(" and type = :type");
            params.put("type", AlertType.valueOf(query.type));
        }
        if (query.state != null) {
            where.append(" and active = :active");
            params.put("active", query.state.equals("active"));
        }
        if (query.acknowledged != null) {
            where.append(" and acknowledged = :acknowledged");
            params.put("acknowledged", Boolean.parseBoolean(query.acknowledged));
        }
        return Panache.withSession(() -> {
            var found = Alert.<Alert>find(where.toString(), Sort.descending("raisedAt", "id"), params)
                    .page(Page.of(query.page, query.size));
            return found.list().chain(items -> found.count().map(total -> new AlertPage(
                    items.stream().map(AlertView::of).toList(), query.page, query.size, total)));
        });
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<AlertView> get(@PathParam("id") String id) {
        return Panache.withSession(() -> Alert.<Alert>findById(id).map(alert -> AlertView.of(found(id, alert))));
    }

    /**
     * Marks the alert acknowledged by the operator (whether active or cleared); 409 when it already is. An active
     * SecurityEvent alert has no condition that ends by itself, so acknowledging clears it too (an AlertCleared).
     */
    @POST
    @Path("{id}/acknowledge")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<AlertView> acknowledge(@PathParam("id") String id, @Context SecurityContext security) {
        String by = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        return Panache.withTransaction(() -> Alert.<Alert>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(alert -> {
            found(id, alert);
            if (alert.acknowledged) {
                throw ProblemException.conflict("alert " + id + " was already acknowledged by " + alert.acknowledgedBy
                        + " at " + alert.acknowledgedAt);
            }
            alert.acknowledged = true;
            alert.acknowledgedBy = by;
            alert.acknowledgedAt = clock.instant();
            Uni<Void> cleared = alert.active && alert.type == AlertType.SecurityEvent
                    ? alerts.clear(alert, "acknowledged by " + by)
                    : Uni.createFrom().voidItem();
            return cleared.map(ignored -> AlertView.of(alert));
        }));
    }

    private static Alert found(String id, Alert alert) {
        if (alert == null) {
            throw ProblemException.notFound("no alert " + id);
        }
        return alert;
    }
}
