package dev.csms.device.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Search parameters of {@code GET /api/v1/stations}; every filter is optional and they combine with AND. */
public class StationQuery {

    @QueryParam("siteId")
    public String siteId;

    @QueryParam("status")
    @Pattern(regexp = "Accepted|Pending|Rejected", message = "must be Accepted, Pending or Rejected")
    public String status;

    @QueryParam("vendor")
    public String vendor;

    @QueryParam("model")
    public String model;

    /** Case-insensitive substring of id, site, reported vendor, model or serial number. */
    @QueryParam("q")
    public String text;

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
