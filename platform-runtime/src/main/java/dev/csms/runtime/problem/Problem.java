package dev.csms.runtime.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json}.
 *
 * @param type URI that identifies the kind of problem; {@code about:blank} when the HTTP status says it all
 * @param title short human-readable summary of the kind of problem
 * @param status the HTTP status code
 * @param detail explanation of this occurrence, for the caller; never internals
 * @param instance URI reference of this occurrence: the request path, or {@code urn:uuid:...} of a logged error
 * @param errors the violated fields of a request, empty unless the request was invalid
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldViolation> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /**
     * One violated field of a request.
     *
     * @param field path of the field in the request (body property path, or query/path parameter name)
     * @param message what is wrong with it
     */
    public record FieldViolation(String field, String message) {
    }
}
