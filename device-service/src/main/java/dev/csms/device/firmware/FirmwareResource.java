package dev.csms.device.firmware;

import dev.csms.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The operator API of station firmware: the reported status and its history. */
@Path("/api/v1/stations/{id}/firmware")
@Produces(MediaType.APPLICATION_JSON)
public class FirmwareResource {

    private final FirmwareStatusHistory history;

    FirmwareResource(FirmwareStatusHistory history) {
        this.history = history;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<StationFirmwareView> get(@PathParam("id") String id) {
        return history.of(id);
    }
}
