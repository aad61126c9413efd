package dev.csms.session.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Search parameters of {@code GET /api/v1/tokens}; every filter is optional and they combine with AND. */
public class TokenQuery {

    /** Case-insensitive substring of the value. */
    @QueryParam("q")
    public String text;

    @QueryParam("type")
    @Pattern(regexp = "Central|DirectPayment|eMAID|EVCCID|ISO14443|ISO15693|KeyCode|Local|MacAddress|NoAuthorization|VIN|Other",
            message = "is not an id token type")
    public String type;

    @QueryParam("status")
    @Pattern(regexp = "Accepted|Blocked|Expired|Invalid|NoCredit|NotAllowedTypeEVSE|NotAtThisLocation|NotAtThisTime",
            message = "is not a token status")
    public String status;

    /** The group's value (case-insensitive). */
    @QueryParam("group")
    public String group;

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
