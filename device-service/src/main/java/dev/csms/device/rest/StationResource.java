package dev.csms.device.rest;

import dev.csms.device.service.StationRegistry;
import dev.csms.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;

/** The operator API of the station registry: viewers read, operators write. */
@Path("/api/v1/stations")
@Produces(MediaType.APPLICATION_JSON)
public class StationResource {

    private final StationRegistry registry;

    StationResource(StationRegistry registry) {
        this.registry = registry;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> create(@Valid @NotNull StationSettings station) {
        return registry.create(station).map(view -> Response.created(URI.create("/api/v1/stations/" + view.id()))
                .entity(view).build());
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<StationPage> search(@Valid @BeanParam StationQuery query) {
        return registry.search(query);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<StationView> get(@PathParam("id") String id) {
        return registry.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<StationView> update(@PathParam("id") String id, @Valid @NotNull StationSettings station) {
        return registry.update(id, station);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> delete(@PathParam("id") String id) {
        return registry.delete(id).replaceWith(Response.noContent().build());
    }

    /** Sets or rotates the password (the body is optional); the response is the only place it is ever shown. */
    @POST
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<PasswordIssued> setPassword(@PathParam("id") String id, @Valid PasswordChange change) {
        return registry.setPassword(id, change == null ? null : change.password())
                .map(password -> new PasswordIssued(id, password));
    }

    /** The same without a JSON body: a generated password. */
    @POST
    @Path("{id}/password")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<PasswordIssued> generatePassword(@PathParam("id") String id) {
        return registry.setPassword(id, null).map(password -> new PasswordIssued(id, password));
    }

    /**
     * Accepts a pending station; when it is connected, a TriggerMessage(BootNotification) (ledger kind
     * {@code boot-trigger}) asks it to boot again.
     */
    @POST
    @Path("{id}/accept")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<StationView> accept(@PathParam("id") String id, @Context SecurityContext security) {
        return registry.accept(id, security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName());
    }
}
