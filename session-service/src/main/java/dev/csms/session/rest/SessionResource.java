package dev.csms.session.rest;

import dev.csms.runtime.security.Roles;
import dev.csms.session.service.SessionQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The operator's view of charging sessions (read only: sessions are what the stations say). */
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionQueries sessions;

    SessionResource(SessionQueries sessions) {
        this.sessions = sessions;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<SessionPage> search(@Valid @BeanParam SessionQuery query) {
        return sessions.search(query);
    }

    /** One session with its meter series. */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<SessionDetail> get(@PathParam("id") String id) {
        return sessions.get(id);
    }
}
