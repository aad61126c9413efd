package dev.csms.runtime.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.HttpResponseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.util.List;

/** Builds problem+json bodies and responses; shared by the REST exception mappers and the HTTP-level handlers. */
@ApplicationScoped
public class ProblemResponses {

    private final ObjectMapper mapper;

    ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A problem whose type is {@code about:blank}: the title is the status's reason phrase. */
    public static Problem ofStatus(int status, String detail, String instance) {
        return new Problem(ProblemTypes.ABOUT_BLANK, reasonPhrase(status), status, detail, instance, List.of());
    }

    public static String reasonPhrase(int status) {
        return HttpResponseStatus.valueOf(status).reasonPhrase();
    }

    /** The problem as a JAX-RS response with media type {@code application/problem+json}. */
    public Response response(Problem problem) {
        // Serialized here rather than by a message body writer: the body must be problem+json whatever the
        // request's Accept header asked for, and no writer negotiation may turn a 4xx into a 406 or 500.
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(json(problem)).build();
    }

    public String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
