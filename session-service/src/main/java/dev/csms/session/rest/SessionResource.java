package dev.csms.session.rest;

import dev.csms.runtime.security.Roles;
import dev.csms.session.service.SessionQueries;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import dev.csms.session.service.RemoteControl;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;

/**
 * The operator's view of charging sessions (sessions are what the stations say) and remote start/stop, which ask a
 * station to start or stop a transaction (202 with the command; its result at {@code /api/v1/commands/{id}}).
 */
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final SessionQueries sessions;
    private final RemoteControl remote;

    SessionResource(SessionQueries sessions, RemoteControl remote) {
        this.sessions = sessions;
        this.remote = remote;
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

    /** RequestStartTransaction (1.6 RemoteStartTransaction) to a connected station. */
    @POST
    @Path("remote-start")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> remoteStart(@Valid @NotNull RemoteStart start, @Context SecurityContext security) {
        return accepted(remote.start(start, principal(security)));
    }

    /** RequestStopTransaction (1.6 RemoteStopTransaction) of an Active session. */
    @POST
    @Path("{id}/remote-stop")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> remoteStop(@PathParam("id") String id, @Context SecurityContext security) {
        return accepted(remote.stop(id, principal(security)));
    }

    private static Uni<Response> accepted(Uni<RemoteCommand> sent) {
        return sent.map(command -> Response.accepted(command)
                .location(URI.create("/api/v1/commands/" + command.commandId())).build());
    }

    private static String principal(SecurityContext security) {
        return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }
}
