package dev.csms.session.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * Filters of {@code GET /api/v1/sessions}; every filter is optional and they combine with AND. The time range
 * applies to the start (the end for an orphan, whose start is unknown): {@code from <= start < to}.
 */
public class SessionQuery {

    static final String INSTANT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})";

    @QueryParam("stationId")
    public String stationId;

    /** The token's value (case-insensitive). */
    @QueryParam("idToken")
    public String idToken;

    @QueryParam("status")
    @Pattern(regexp = "Active|Stale|Ended", message = "must be Active, Stale or Ended")
    public String status;

    @QueryParam("from")
    @Pattern(regexp = INSTANT, message = "must be an RFC 3339 instant")
    public String from;

    @QueryParam("to")
    @Pattern(regexp = INSTANT, message = "must be an RFC 3339 instant")
    public String to;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    public int page;

    @QueryParam("size")
    @DefaultValue("50")
    @Min(1)
    @Max(500)
    public int size;
}
