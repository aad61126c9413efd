package dev.csms.device.logs;

import dev.csms.device.operation.OperationResource;
import dev.csms.device.operation.StationOperations;
import dev.csms.ocpp.canonical.LogType;
import dev.csms.ocpp.canonical.StationCommand;
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

/**
 * The operator API of station logs: upload requests sent through the command ledger (kind {@code logs}) and the
 * upload statuses the station reported.
 */
@Path("/api/v1/stations/{id}/logs")
@Produces(MediaType.APPLICATION_JSON)
public class LogResource {

    /** The ledger kind of log requests. */
    public static final String KIND = "logs";

    private final StationOperations operations;
    private final LogHistory history;

    LogResource(StationOperations operations, LogHistory history) {
        this.operations = operations;
        this.history = history;
    }

    /**
     * Asks the station to upload a log: Diagnostics is 1.6 GetDiagnostics and 2.x GetLog DiagnosticsLog; SecurityLog
     * is GetLog SecurityLog (1.6 security extension, 2.x). 202 with the command, whose reference is the requestId.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> request(@PathParam("id") String id, @Valid @NotNull LogRequest body,
            @Context SecurityContext security) {
        LogType type = body.type() == LogRequest.Type.Diagnostics ? LogType.DiagnosticsLog : LogType.SecurityLog;
        return OperationResource.respond(operations.sendWithRequestId(id, KIND,
                (version, requestId) -> new StationCommand.GetLog(requestId, type, body.location(), body.from(),
                        body.to(), body.retries(), body.retryInterval()),
                OperationResource.principal(security)));
    }

    /** The station's log requests and reported statuses, newest first. */
    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<StationLogsView> get(@PathParam("id") String id) {
        return history.of(id);
    }
}
