package dev.csms.device.status;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Parameters of {@code GET /api/v1/stations/{id}/status/history}: a reported-at window and paging. */
public class StatusHistoryQuery {

    /** ISO 8601 instant, inclusive; none for no lower bound. */
    @QueryParam("from")
    public String from;

    /** ISO 8601 instant, exclusive; none for no upper bound. */
    @QueryParam("to")
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
