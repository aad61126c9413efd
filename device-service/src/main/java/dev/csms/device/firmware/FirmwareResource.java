package dev.csms.device.firmware;

import dev.csms.device.operation.OperationResource;
import dev.csms.device.operation.StationOperations;
import dev.csms.runtime.security.Roles;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Clock;
import java.time.Instant;

/**
 * The operator API of station firmware: the reported status and its history, and firmware updates sent through the
 * command ledger (kind {@code firmware}).
 */
@Path("/api/v1/stations/{id}/firmware")
@Produces(MediaType.APPLICATION_JSON)
public class FirmwareResource {

    /** The ledger kind of firmware updates. */
    public static final String KIND = "firmware";

    private final FirmwareStatusHistory history;
    private final StationOperations operations;
    private final Clock clock;

    FirmwareResource(FirmwareStatusHistory history, StationOperations operations, Clock clock) {
        this.history = history;
        this.operations = operations;
        this.clock = clock;
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<StationFirmwareView> get(@PathParam("id") String id) {
        return history.of(id);
    }

    /**
     * UpdateFirmware (1.6 core UpdateFirmware, or SignedUpdateFirmware of the security extension when signed; 2.x
     * UpdateFirmware): 202 with the command; the station's FirmwareStatusNotifications echo its reference (the
     * requestId; not echoed by 1.6 core).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> update(@PathParam("id") String id, @Valid @NotNull FirmwareRequest body,
            @Context SecurityContext security) {
        Instant now = clock.instant();
        return OperationResource.respond(operations.sendWithRequestId(id, KIND,
                (version, requestId) -> body.toCommand(requestId, now), OperationResource.principal(security)));
    }
}
