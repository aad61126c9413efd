package dev.csms.events.cloudevents;

/**
 * Kafka header names of the CloudEvents 1.0 Kafka protocol binding, binary content mode: every context attribute
 * is a header {@code ce_<attribute>}, the data is the record value and its media type is the {@code content-type}
 * header. The extension attributes are this platform's correlation fields.
 */
public final class CloudEventHeaders {

    /** Prefix of every CloudEvents attribute header. */
    public static final String PREFIX = "ce_";
    /** Always {@value #SPEC_VERSION_VALUE}. */
    public static final String SPEC_VERSION = "ce_specversion";
    /** The CloudEvents version this platform writes. */
    public static final String SPEC_VERSION_VALUE = "1.0";
    /** Unique id of the event (a UUID); with {@code ce_source} it identifies the event. */
    public static final String ID = "ce_id";
    /** Versioned event type, e.g. {@code csms.ocpp.StationCall.v1}. */
    public static final String TYPE = "ce_type";
    /** The producer, a URI reference such as {@code /csms/gateway-service/gw-7f9c}. */
    public static final String SOURCE = "ce_source";
    /** When the event happened, RFC 3339 in UTC. */
    public static final String TIME = "ce_time";
    /** The station id; equal to the record key. */
    public static final String SUBJECT = "ce_subject";
    /** Media type of the record value. */
    public static final String CONTENT_TYPE = "content-type";
    /** The only media type this platform writes. */
    public static final String JSON = "application/json";

    /** Extension: the id of the event this one answers or results from. */
    public static final String CORRELATION_ID = "correlationid";
    /** Extension: the gateway replica that holds or held the station's connection. */
    public static final String GATEWAY_ID = "gatewayid";
    /** Extension: the station's OCPP version label ({@code 1.6}, {@code 2.0.1}, {@code 2.1}). */
    public static final String OCPP_VERSION = "ocppversion";
    /** Extension: the OCPP action the event carries. */
    public static final String OCPP_ACTION = "ocppaction";
    /** Extension: W3C trace context {@code traceparent} (CloudEvents distributed tracing extension). */
    public static final String TRACEPARENT = "traceparent";
    /** Extension: W3C trace context {@code tracestate}. */
    public static final String TRACESTATE = "tracestate";

    private CloudEventHeaders() {
    }
}
