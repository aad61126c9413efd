package dev.csms.device.configuration;

import dev.csms.device.operation.OperationResource;
import dev.csms.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** One station's configuration: the last known values, and a command that makes the station report all of them. */
@Path("/api/v1/stations/{id}/configuration")
@Produces(MediaType.APPLICATION_JSON)
public class StationConfigurationResource {

    private final StationConfiguration configuration;

    StationConfigurationResource(StationConfiguration configuration) {
        this.configuration = configuration;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<StationConfigurationView> get(@PathParam("id") String id) {
        return configuration.of(id);
    }

    /** 1.6 GetConfiguration / 2.x GetBaseReport FullInventory: 202 with the command. */
    @POST
    @Path("report")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> report(@PathParam("id") String id, @Context SecurityContext security) {
        return OperationResource.respond(configuration.requestReport(id, OperationResource.principal(security)));
    }
}
