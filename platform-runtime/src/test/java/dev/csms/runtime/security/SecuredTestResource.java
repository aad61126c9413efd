package dev.csms.runtime.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** A test-only resource that follows the role convention. */
@Path("/test/secured/stations")
public class SecuredTestResource {

    @GET
    @RolesAllowed({ Roles.OPERATOR, Roles.VIEWER })
    public String list() {
        return "[]";
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    public Response create() {
        return Response.status(201).build();
    }
}
