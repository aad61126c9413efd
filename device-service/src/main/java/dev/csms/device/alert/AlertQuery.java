package dev.csms.device.alert;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Filters of {@code GET /api/v1/alerts}; every filter is optional and they combine with AND. */
public class AlertQuery {

    @QueryParam("stationId")
    public String stationId;

    @QueryParam("type")
    @Pattern(regexp = "StationOffline|ConnectorFaulted|RepeatedDisconnects|BootLoop|SecurityEvent|VendorModelMismatch",
            message = "must be StationOffline, ConnectorFaulted, RepeatedDisconnects, BootLoop, SecurityEvent or "
                    + "VendorModelMismatch")
    public String type;

    @QueryParam("state")
    @Pattern(regexp = "active|cleared", message = "must be active or cleared")
    public String state;

    @QueryParam("acknowledged")
    @Pattern(regexp = "true|false", message = "must be true or false")
    public String acknowledged;

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
