package dev.csms.session.rest;

import dev.csms.runtime.security.Roles;
import dev.csms.session.service.LocalLists;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Local authorization of stations: push local lists to one station or many, ask a station for its list version,
 * clear its authorization cache. Commands answer 202 at once; their results show in the station's state.
 */
@Path("/api/v1/local-lists")
@Produces(MediaType.APPLICATION_JSON)
public class LocalListResource {

    private final LocalLists lists;

    LocalListResource(LocalLists lists) {
        this.lists = lists;
    }

    /** Sends a list to every station named; 202 with one SendLocalList command per station. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> push(@Valid @NotNull LocalListPush push) {
        return lists.push(push).map(issued -> Response.accepted(new Issued(issued)).build());
    }

    @GET
    @Path("{stationId}")
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<LocalListState> state(@PathParam("stationId") String stationId) {
        return lists.state(stationId);
    }

    /** GetLocalListVersion. */
    @POST
    @Path("{stationId}/version-request")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> requestVersion(@PathParam("stationId") String stationId) {
        return lists.requestVersion(stationId).map(issued -> Response.accepted(issued).build());
    }

    /** ClearCache: the station forgets the verdicts it cached (its local list stays). */
    @POST
    @Path("{stationId}/cache-clear")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> clearCache(@PathParam("stationId") String stationId) {
        return lists.clearCache(stationId).map(issued -> Response.accepted(issued).build());
    }

    /** The commands a push issued, one per station. */
    public record Issued(List<CommandIssued> commands) {
    }
}
