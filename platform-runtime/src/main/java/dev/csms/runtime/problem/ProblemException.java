package dev.csms.runtime.problem;

import java.util.Objects;

/**
 * Thrown (or returned as a failed {@code Uni}) by a service to answer with a specific problem, for example
 * {@code new ProblemException(409, "Station busy", "Station CS-1 already runs a transaction")}. The detail is
 * shown to the caller: put nothing in it that the caller may not see.
 */
public class ProblemException extends RuntimeException {

    private final String type;
    private final int status;
    private final String title;
    private final String detail;

    public ProblemException(int status, String title, String detail) {
        this(ProblemTypes.ABOUT_BLANK, status, title, detail);
    }

    public ProblemException(String type, int status, String title, String detail) {
        super(status + " " + title + ": " + detail, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem has a 4xx or 5xx status, not " + status);
        }
        this.type = Objects.requireNonNull(type, "type");
        this.status = status;
        this.title = Objects.requireNonNull(title, "title");
        this.detail = detail;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "Not Found", detail);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad Request", detail);
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }
}
