package dev.csms.device.operation;

import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.command.CommandRecord;
import dev.csms.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;

/**
 * Remote operations on one station, each a command through the durable ledger: 202 with the command, whose result
 * shows at {@code /api/v1/commands/{commandId}} (the Location) and in {@code /api/v1/stations/{id}/commands}.
 */
@Path("/api/v1/stations/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class OperationResource {

    private final StationOperations operations;

    OperationResource(StationOperations operations) {
        this.operations = operations;
    }

    @POST
    @Path("operations/reset")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> reset(@PathParam("id") String id, @Valid @NotNull OperationRequests.Reset body,
            @Context SecurityContext security) {
        return send(id, "reset", Operations.reset(body), security);
    }

    @POST
    @Path("operations/availability")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> availability(@PathParam("id") String id,
            @Valid @NotNull OperationRequests.Availability body, @Context SecurityContext security) {
        return send(id, "availability", Operations.availability(body), security);
    }

    @POST
    @Path("operations/unlock")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> unlock(@PathParam("id") String id, @Valid @NotNull OperationRequests.Unlock body,
            @Context SecurityContext security) {
        return send(id, "unlock", Operations.unlock(body), security);
    }

    @POST
    @Path("operations/trigger")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> trigger(@PathParam("id") String id, @Valid @NotNull OperationRequests.Trigger body,
            @Context SecurityContext security) {
        return send(id, "trigger", Operations.trigger(body), security);
    }

    @POST
    @Path("operations/extended-trigger")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> extendedTrigger(@PathParam("id") String id, @Valid @NotNull OperationRequests.Trigger body,
            @Context SecurityContext security) {
        return respond(operations.send(id, "extended-trigger", version -> Operations.extendedTrigger(version, body),
                principal(security)));
    }

    @POST
    @Path("operations/clear-cache")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> clearCache(@PathParam("id") String id, @Context SecurityContext security) {
        return send(id, "clear-cache", new StationCommand.ClearCache(), security);
    }

    @POST
    @Path("operations/data-transfer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> dataTransfer(@PathParam("id") String id,
            @Valid @NotNull OperationRequests.DataTransfer body, @Context SecurityContext security) {
        return send(id, "data-transfer", Operations.dataTransfer(body), security);
    }

    /** The station's most recent commands of every kind (this service's), newest first. */
    @GET
    @Path("commands")
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<List<CommandSummary>> commands(@PathParam("id") String id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return operations.recent(id, limit).map(records -> records.stream().map(CommandSummary::of).toList());
    }

    private Uni<Response> send(String id, String kind, StationCommand command, SecurityContext security) {
        return respond(operations.send(id, kind, version -> command, principal(security)));
    }

    public static Uni<Response> respond(Uni<CommandRecord> sent) {
        return sent.map(record -> Response.accepted(CommandSummary.of(record))
                .location(URI.create("/api/v1/commands/" + record.commandId())).build());
    }

    public static String principal(SecurityContext security) {
        return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
    }
}
