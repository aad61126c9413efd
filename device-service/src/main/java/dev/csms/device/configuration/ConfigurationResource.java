package dev.csms.device.configuration;

import dev.csms.device.operation.OperationResource;
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
import java.net.URI;
import java.util.List;

/**
 * The version-independent configuration API: read or set one setting on one or many stations (202 with the request,
 * whose per-station results show at its Location), and the catalogue of well-known settings.
 */
@Path("/api/v1/configuration")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigurationResource {

    private final ConfigurationRequests requests;

    ConfigurationResource(ConfigurationRequests requests) {
        this.requests = requests;
    }

    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> create(@Valid @NotNull ConfigurationRequestBody body, @Context SecurityContext security) {
        return requests.create(body, OperationResource.principal(security))
                .map(view -> Response.accepted(view)
                        .location(URI.create("/api/v1/configuration/requests/" + view.requestId())).build());
    }

    @GET
    @Path("requests/{requestId}")
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<ConfigurationRequestView> get(@PathParam("requestId") String requestId) {
        return requests.find(requestId);
    }

    /** The well-known settings and where each lives in 1.6 and 2.x. */
    @GET
    @Path("settings")
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public List<SettingView> settings() {
        return SettingCatalogue.entries().stream().map(SettingView::of).toList();
    }

    /** A well-known setting as the API lists it. */
    public record SettingView(String name, String ocpp16Key, String ocpp2Variable, String values,
            String description) {

        static SettingView of(SettingCatalogue.Entry entry) {
            return new SettingView(entry.name(), entry.v16Key(), entry.v2().key(), entry.kind().name(),
                    entry.description());
        }
    }
}
