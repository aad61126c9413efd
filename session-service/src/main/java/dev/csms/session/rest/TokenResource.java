package dev.csms.session.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csms.runtime.security.Roles;
import dev.csms.session.config.SessionConfig;
import dev.csms.session.service.TokenImport;
import dev.csms.session.service.TokenRegistry;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The operator API of the token registry: viewers read, operators write. */
@Path("/api/v1/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    static final String CSV = "text/csv";

    private final TokenRegistry registry;
    private final ObjectMapper mapper;
    private final SessionConfig config;

    TokenResource(TokenRegistry registry, ObjectMapper mapper, SessionConfig config) {
        this.registry = registry;
        this.mapper = mapper;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> create(@Valid @NotNull TokenSettings token) {
        return registry.create(token).map(view -> Response.created(URI.create("/api/v1/tokens/" + view.id()))
                .entity(view).build());
    }

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<TokenPage> search(@Valid @BeanParam TokenQuery query) {
        return registry.search(query);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public Uni<TokenView> get(@PathParam("id") long id) {
        return registry.get(id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<TokenView> update(@PathParam("id") long id, @Valid @NotNull TokenSettings token) {
        return registry.update(id, token);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> delete(@PathParam("id") long id) {
        return registry.delete(id).replaceWith(Response.noContent().build());
    }

    /** Bulk import of a CSV file (see {@link TokenImport} for the columns). */
    @POST
    @Path("import")
    @Consumes(CSV)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<ImportReport> importCsv(String body) {
        return Uni.createFrom().item(() -> TokenImport.csv(body, config.tokenImport().maxRows()))
                .chain(registry::importRows);
    }

    /** Bulk import of a JSON array of tokens. */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Uni<ImportReport> importJson(String body) {
        return Uni.createFrom().item(() -> TokenImport.json(body, mapper, config.tokenImport().maxRows()))
                .chain(registry::importRows);
    }
}
