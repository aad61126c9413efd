package dev.csms.device.status;

import dev.csms.device.model.Station;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.security.Roles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Online/offline of a station: {@code GET /api/v1/stations/{id}/presence}. */
@Path("/api/v1/stations/{id}/presence")
@Produces(MediaType.APPLICATION_JSON)
public class PresenceResource {

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<PresenceView> get(@PathParam("id") String id) {
        return Panache.withSession(() -> Station.<Station>findById(id).chain(station -> {
            if (station == null) {
                throw ProblemException.notFound("no station " + id);
            }
            return StationPresence.<StationPresence>findById(id)
                    .chain(p -> LastSeen.of(id).map(lastSeen -> PresenceView.of(id, p, lastSeen)));
        }));
    }
}
