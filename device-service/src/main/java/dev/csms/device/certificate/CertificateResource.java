package dev.csms.device.certificate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.device.operation.OperationResource;
import dev.csms.device.operation.StationOperations;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;

/**
 * Operator certificate commands on one station, sent like the remote operations through the ledger (kind
 * {@code certificates}): 202 with the command, whose result (the station's status, and for GetInstalledCertificateIds
 * the hashes in {@code response.rawResponse}) shows at {@code /api/v1/commands/{commandId}}.
 */
@Path("/api/v1/stations/{id}/certificates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CertificateResource {

    /** The ledger kind of certificate commands (operators' and CertificateSigned). */
    public static final String KIND = "certificates";

    private final StationOperations operations;

    CertificateResource(StationOperations operations) {
        this.operations = operations;
    }

    /** InstallCertificate (1.6 security extension, 2.x). */
    @POST
    @Path("install")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> install(@PathParam("id") String id, @Valid @NotNull CertificateRequests.Install body,
            @Context SecurityContext security) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("certificateType", body.certificateType())
                .put("certificate", body.certificate());
        return send(id, version -> new StationCommand.RawCommand("InstallCertificate", payload), security);
    }

    /** GetInstalledCertificateIds: 1.6 asks for exactly one type; 2.x for the given ones or, without, all. */
    @POST
    @Path("installed-ids")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> installedIds(@PathParam("id") String id, @Valid CertificateRequests.InstalledIds body,
            @Context SecurityContext security) {
        List<String> types = body == null || body.certificateTypes() == null ? List.of() : body.certificateTypes();
        return send(id, version -> {
            ObjectNode payload = JsonNodeFactory.instance.objectNode();
            if (version == OcppVersion.V1_6) {
                if (types.size() != 1) {
                    throw ProblemException.badRequest(
                            "OCPP 1.6 GetInstalledCertificateIds asks for exactly one certificateType");
                }
                payload.put("certificateType", types.get(0));
            } else if (!types.isEmpty()) {
                ArrayNode array = payload.putArray("certificateType");
                types.forEach(array::add);
            }
            return new StationCommand.RawCommand("GetInstalledCertificateIds", payload);
        }, security);
    }

    /** DeleteCertificate (1.6 security extension, 2.x). */
    @POST
    @Path("delete")
    @RolesAllowed(Roles.OPERATOR)
    public Uni<Response> delete(@PathParam("id") String id, @Valid @NotNull CertificateRequests.Delete body,
            @Context SecurityContext security) {
        CertificateRequests.HashData hash = body.certificateHashData();
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.putObject("certificateHashData").put("hashAlgorithm", hash.hashAlgorithm())
                .put("issuerNameHash", hash.issuerNameHash()).put("issuerKeyHash", hash.issuerKeyHash())
                .put("serialNumber", hash.serialNumber());
        return send(id, version -> new StationCommand.RawCommand("DeleteCertificate", payload), security);
    }

    private Uni<Response> send(String id, java.util.function.Function<OcppVersion, StationCommand> command,
            SecurityContext security) {
        return OperationResource.respond(operations.send(id, KIND, command, OperationResource.principal(security)));
    }
}
