package dev.csms.session.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Filters of {@code GET /api/v1/reservations}; optional, combined with AND. */
public class ReservationQuery {

    @QueryParam("stationId")
    public String stationId;

    @QueryParam("status")
    @Pattern(regexp = "Requested|Active|Rejected|Used|Cancelled|Expired",
            message = "must be Requested, Active, Rejected, Used, Cancelled or Expired")
    public String status;

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
