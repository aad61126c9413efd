package dev.csms.device.security;

import dev.csms.device.model.Station;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** A station's reported security events: {@code GET /api/v1/stations/{id}/security-events}, newest first. */
@Path("/api/v1/stations/{id}/security-events")
@Produces(MediaType.APPLICATION_JSON)
public class SecurityEventResource {

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<SecurityEventPage> list(@PathParam("id") String id,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return Panache.withSession(() -> Station.<Station>findById(id).chain(station -> {
            if (station == null) {
                throw ProblemException.notFound("no station " + id);
            }
            var found = SecurityEvent.<SecurityEvent>find("stationId", Sort.descending("occurredAt", "id"), id)
                    .page(Page.of(page, size));
            return found.list().chain(items -> found.count().map(total -> new SecurityEventPage(id,
                    items.stream().map(SecurityEventView::of).toList(), page, size, total)));
        }));
    }
}
