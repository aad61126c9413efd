package dev.csms.runtime.openapi;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The OpenAPI description every service's operator API shares: bearer JWT with the roles {@code operator}
 * and {@code viewer}, errors as RFC 9457 problem+json. Each service's document is served at
 * {@code /q/openapi}; the service name comes from {@code quarkus.smallrye-openapi.info-title}.
 */
@OpenAPIDefinition(
        info = @Info(title = "CSMS operator API", version = "v1",
                description = "REST under /api/v1. Send 'Authorization: Bearer <JWT>'; role 'viewer' reads, "
                        + "role 'operator' reads and writes. Errors are application/problem+json (RFC 9457)."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class OperatorApiDefinition extends Application {
}
