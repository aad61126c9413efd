package dev.csms.runtime.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A test-only resource guarded by a path permission policy instead of annotations. */
@Path("/test/ops/status")
public class OpsTestResource {

    @GET
    public String status() {
        return "ok";
    }
}
