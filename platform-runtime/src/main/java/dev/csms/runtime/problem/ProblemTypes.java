package dev.csms.runtime.problem;

/** The {@code type} URIs of the problems this runtime produces. */
public final class ProblemTypes {

    /** The HTTP status and title say everything (RFC 9457, section 4.2.1). */
    public static final String ABOUT_BLANK = "about:blank";
    /** The request was well-formed but some fields are invalid; see {@code errors}. */
    public static final String VALIDATION = "urn:csms:problem:validation";
    /** The request body could not be read (not JSON, or of the wrong shape). */
    public static final String MALFORMED_BODY = "urn:csms:problem:malformed-body";
    /** An unexpected server error; {@code instance} names the logged occurrence. */
    public static final String INTERNAL = "urn:csms:problem:internal";

    /** A command for a station that no gateway holds a connection of (409). */
    public static final String STATION_OFFLINE = "urn:csms:problem:station-offline";

    private ProblemTypes() {
    }
}
