package dev.csms.device.campaign;

import dev.csms.device.operation.OperationResource;
import dev.csms.events.device.FirmwareCampaignProgress.CampaignStationState;
import dev.csms.events.device.FirmwareCampaignProgress.CampaignStatus;
import dev.csms.runtime.problem.ProblemException;
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

/** The operator API of firmware campaigns. */
@Path("/api/v1/firmware-campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final Campaigns campaigns;

    CampaignResource(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** Creates a Running campaign; 201 with it and its Location. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> create(@Valid @NotNull CampaignRequest body, @Context SecurityContext security) {
        return campaigns.create(body, OperationResource.principal(security))
                .map(view -> Response.created(URI.create("/api/v1/firmware-campaigns/" + view.id())).entity(view)
                        .build());
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<CampaignView.Page<CampaignView>> list(@QueryParam("status") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return campaigns.list(parse(CampaignStatus.class, "status", status), page, size);
    }

    /** The campaign with one page of its stations (rollout order), optionally of one state. */
    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<CampaignView> get(@PathParam("id") String id, @QueryParam("state") String state,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(1000) int size) {
        return campaigns.get(id, parse(CampaignStationState.class, "state", state), page, size);
    }

    /** An enum query parameter; 400 (not JAX-RS's 404) for an unknown value. */
    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Unknown " + name + " '" + value + "'; one of "
                    + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    @POST
    @Path("{id}/pause")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<CampaignView> pause(@PathParam("id") String id) {
        return campaigns.pause(id);
    }

    @POST
    @Path("{id}/resume")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<CampaignView> resume(@PathParam("id") String id) {
        return campaigns.resume(id);
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<CampaignView> cancel(@PathParam("id") String id) {
        return campaigns.cancel(id);
    }
}
