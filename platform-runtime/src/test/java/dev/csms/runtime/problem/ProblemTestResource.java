package dev.csms.runtime.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.RestQuery;

/** Test-only endpoints that fail in every way a service endpoint can. */
@Path("/test/problems")
@Produces(MediaType.APPLICATION_JSON)
public class ProblemTestResource {

    public record Connector(@Min(1) int id) {
    }

    public record Widget(@NotBlank String name, @Min(1) int count, @NotNull @Size(max = 2) List<@Valid Connector> connectors) {
    }

    @GET
    @Path("/busy")
    public String busy() {
        throw new ProblemException(409, "Station busy", "Station CS-1 already runs a transaction");
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("db password is hunter2");
    }

    @GET
    @Path("/page")
    public String page(@RestQuery @Min(1) int limit) {
        return "{\"limit\":" + limit + "}";
    }

    @POST
    @Path("/widgets")
    @Consumes(MediaType.APPLICATION_JSON)
    public Widget create(@Valid Widget widget) {
        return widget;
    }
}
