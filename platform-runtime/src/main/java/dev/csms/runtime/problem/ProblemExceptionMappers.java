package dev.csms.runtime.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that leaves a Quarkus REST endpoint into an RFC 9457 problem. The most specific mapper
 * wins, so the {@link Throwable} one only sees what nothing else claims.
 */
public class ProblemExceptionMappers {

    private static final Logger LOG = Logger.getLogger(ProblemExceptionMappers.class);

    private final ProblemResponses responses;

    ProblemExceptionMappers(ProblemResponses responses) {
        this.responses = responses;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        if (e.status() >= 500) {
            LOG.errorf("%s %s answered %d: %s", request.method(), request.path(), e.status(), e.getMessage());
        }
        return responses.response(new Problem(e.type(), e.title(), e.status(), e.detail(), request.path(), List.of()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        boolean response = e.getConstraintViolations().stream().anyMatch(v -> isReturnValue(v.getPropertyPath()));
        if (response) {
            // An invalid response is our bug, not the caller's.
            return internalError(e, request);
        }
        List<Problem.FieldViolation> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldViolation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldViolation::field)
                        .thenComparing(Problem.FieldViolation::message))
                .toList();
        String fields = errors.stream().map(Problem.FieldViolation::field).distinct().collect(Collectors.joining(", "));
        return responses.response(new Problem(ProblemTypes.VALIDATION, "Invalid request", 400,
                "Invalid field(s): " + fields, request.path(), errors));
    }

    @ServerExceptionMapper
    public Response malformedBody(JsonProcessingException e, HttpServerRequest request) {
        return responses.response(malformed(e, request));
    }

    /** Declared apart so that it takes precedence over Quarkus' own mapper of the same type. */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e, HttpServerRequest request) {
        return responses.response(malformed(e, request));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return responses.response(malformed(json, request));
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internalError(e, request);
        }
        Response response = responses.response(ProblemResponses.ofStatus(status, detail(e, request), request.path()));
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            // keep what the thrower said about the allowed methods (Quarkus' own 405 says nothing)
            return Response.fromResponse(response).header(HttpHeaders.ALLOW, allow).build();
        }
        return response;
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Uni<Response> unauthenticated(RuntimeException e, RoutingContext context) {
        Problem problem = ProblemResponses.ofStatus(401, "A valid bearer token is required", context.request().path());
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(bearerChallenge(responses.response(problem)));
        }
        // The authentication mechanism knows its challenge (WWW-Authenticate); keep it, replace only the body.
        return authenticator.getChallenge(context)
                .map(challenge -> withChallenge(responses.response(problem), challenge))
                .onFailure().recoverWithItem(() -> bearerChallenge(responses.response(problem)));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return responses.response(ProblemResponses.ofStatus(403, "The token lacks the role this operation requires",
                request.path()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        return internalError(e, request);
    }

    private Response internalError(Throwable e, HttpServerRequest request) {
        UUID id = UUID.randomUUID();
        LOG.errorf(e, "Unexpected error %s on %s %s", id, request.method(), request.path());
        return responses.response(new Problem(ProblemTypes.INTERNAL, "Internal Server Error", 500,
                "An unexpected error occurred; quote " + id + " when reporting it", "urn:uuid:" + id, List.of()));
    }

    private static Problem malformed(JsonProcessingException e, HttpServerRequest request) {
        // The parser's own message may quote the body, which can hold secrets: describe only where it failed.
        StringBuilder detail = new StringBuilder("The request body is not valid JSON of the expected shape");
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            detail.append(" at '").append(jsonPath(mapping.getPath())).append('\'');
        } else {
            JsonLocation location = e.getLocation();
            if (location != null && location.getLineNr() > 0) {
                detail.append(" (line ").append(location.getLineNr()).append(", column ")
                        .append(location.getColumnNr()).append(')');
            }
        }
        return new Problem(ProblemTypes.MALFORMED_BODY, "Malformed request body", 400, detail.toString(),
                request.path(), List.of());
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String detail(WebApplicationException e, HttpServerRequest request) {
        if (e instanceof NotFoundException) {
            return "No resource at " + request.path();
        }
        if (e instanceof NotAllowedException) {
            return "Method " + request.method() + " is not allowed on " + request.path();
        }
        if (e instanceof NotSupportedException) {
            return "Content type '" + request.getHeader(HttpHeaders.CONTENT_TYPE) + "' is not supported here";
        }
        if (e instanceof NotAcceptableException) {
            return "None of the accepted media types can be produced";
        }
        String message = e.getMessage();
        // JAX-RS fills in "HTTP 400 Bad Request" when the thrower gave no message: that adds nothing.
        return message == null || message.startsWith("HTTP ") ? null : message;
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** The property path without the method and parameter nodes, or the parameter's name for a plain parameter. */
    private static String field(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> {
                }
                case PARAMETER -> parameter = node.getName();
                default -> {
                    // HV puts the index of a collection element on the node that follows the collection
                    if (node.isInIterable() && !names.isEmpty()) {
                        Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                        int last = names.size() - 1;
                        names.set(last, names.get(last) + "[" + at + "]");
                    }
                    String name = node.getName();
                    if (name != null && !name.startsWith("<")) {
                        names.add(name);
                    }
                }
            }
        }
        if (names.isEmpty()) {
            return parameter == null ? violation.getPropertyPath().toString() : parameter;
        }
        return String.join(".", names);
    }

    private static Response withChallenge(Response response, ChallengeData challenge) {
        Response.ResponseBuilder builder = Response.fromResponse(response);
        challenge.getHeaders().forEach((name, value) -> builder.header(name.toString(), value));
        Response built = builder.build();
        return built.getHeaderString(HttpHeaders.WWW_AUTHENTICATE) == null ? bearerChallenge(built) : built;
    }

    private static Response bearerChallenge(Response response) {
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
