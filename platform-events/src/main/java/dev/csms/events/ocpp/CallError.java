package dev.csms.events.ocpp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.Objects;

/**
 * An OCPP CALLERROR, sent to a station (in a {@link CallAnswer}) or received from one (in a
 * {@link CommandResult}).
 *
 * @param errorCode        the OCPP error code, e.g. {@code InternalError}, {@code NotSupported},
 *                         {@code SecurityError}; for a CALLERROR to send, the 2.x name: the gateway writes the
 *                         1.6 spelling where it differs (FormatViolation as FormationViolation,
 *                         OccurrenceConstraintViolation as OccurenceConstraintViolation)
 * @param errorDescription free text, at most 255 characters; empty for none
 * @param errorDetails     a JSON object with detail; empty object for none
 */
public record CallError(String errorCode, String errorDescription, JsonNode errorDetails) {
    public CallError {
        Objects.requireNonNull(errorCode, "errorCode");
        errorDescription = errorDescription == null ? "" : errorDescription;
        errorDetails = errorDetails == null ? JsonNodeFactory.instance.objectNode()
                : errorDetails;
    }
}
