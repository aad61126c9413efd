package dev.csms.runtime.command;

import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.security.Roles;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The recorded commands of this service, for operators: what a {@code 202 Accepted} with a command id points at.
 * Every service with platform-runtime, a datasource and Quarkus REST serves it; {@code csms.commands.api.enabled=false}
 * (build time) leaves it out.
 */
@Path("/api/v1/commands")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "csms.commands.api.enabled", stringValue = "true", enableIfMissing = true)
public class CommandResource {

    static final int MAX_LIMIT = 500;

    private final CommandLedger ledger;

    CommandResource(CommandLedger ledger) {
        this.ledger = ledger;
    }

    @GET
    @Path("{commandId}")
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<CommandView> get(@PathParam("commandId") String commandId) {
        return ledger.find(commandId).map(found -> found.map(CommandView::of)
                .orElseThrow(() -> ProblemException.notFound("No command " + commandId)));
    }

    /** The station's most recent commands, newest first. */
    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<List<CommandView>> list(@QueryParam("stationId") @NotBlank String stationId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(MAX_LIMIT) int limit) {
        return ledger.forStation(stationId, limit).map(records -> records.stream().map(CommandView::of).toList());
    }
}
