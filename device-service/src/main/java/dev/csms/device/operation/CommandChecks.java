package dev.csms.device.operation;

import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.adapter.OcppAdapter;
import dev.csms.ocpp.adapter.OcppMappingException;
import dev.csms.ocpp.adapter.OcppRequest;
import dev.csms.ocpp.adapter.UnsupportedCommandException;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.schema.MessageKind;
import dev.csms.ocpp.schema.OcppSchemaValidator;
import dev.csms.ocpp.schema.ValidationResult;
import dev.csms.runtime.problem.ProblemException;
import dev.csms.runtime.problem.ProblemTypes;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/**
 * Checks an operator's command against the station's OCPP version before it is recorded: the version's adapter must
 * be able to express it, and the CALL it becomes must be valid against the official schema. A command the gateway
 * would refuse (Unsupported, ValidationFailed) is a 400 for the operator instead of a failed command later.
 */
@ApplicationScoped
@Startup // compiles every official schema once at startup, not on the first request's event-loop thread
public class CommandChecks {

    private final Map<OcppVersion, OcppAdapter> adapters = new EnumMap<>(OcppVersion.class);
    private final OcppSchemaValidator validator = new OcppSchemaValidator();

    CommandChecks(Clock clock) {
        for (OcppVersion version : OcppVersion.values()) {
            adapters.put(version, OcppAdapter.forVersion(version, clock));
        }
    }

    /**
     * The CALL the command becomes for the version.
     *
     * @throws ProblemException 400 when the version lacks the command or the CALL would be invalid
     */
    public OcppRequest check(OcppVersion version, StationCommand command) {
        OcppRequest request;
        try {
            request = adapters.get(version).toRequest(command);
        } catch (UnsupportedCommandException e) {
            throw invalid("OCPP " + version.label() + " has no such operation: " + e.getMessage());
        } catch (OcppMappingException e) {
            throw invalid("Cannot send this to an OCPP " + version.label() + " station: " + e.getMessage());
        }
        ValidationResult result = validator.validate(version, request.action(), MessageKind.REQUEST,
                request.payload());
        if (result.isUnknownAction()) {
            throw invalid("OCPP " + version.label() + " has no action " + request.action());
        }
        if (!result.isValid()) {
            throw invalid("Invalid " + request.action() + " for OCPP " + version.label() + " at '"
                    + result.field().orElse("") + "': " + result.message());
        }
        return request;
    }

    private static ProblemException invalid(String detail) {
        return new ProblemException(ProblemTypes.VALIDATION, 400, "Bad Request", detail);
    }
}
