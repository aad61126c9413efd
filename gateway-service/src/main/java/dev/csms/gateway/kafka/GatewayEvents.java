package dev.csms.gateway.kafka;

import dev.csms.events.EventType;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.ocpp.OcppVersion;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the envelopes the gateway publishes: source {@code /csms/gateway-service/<gateway id>}, subject and key
 * the station id, extensions {@code gatewayid}, {@code ocppversion}, {@code ocppaction} and {@code correlationid}
 * where they apply. Holds the topic names of this installation.
 */
public final class GatewayEvents {

    private final String gatewayId;
    private final String source;
    private final Topics topics;
    private final Clock clock;

    public GatewayEvents(String gatewayId, Topics topics, Clock clock) {
        this.gatewayId = gatewayId;
        this.source = "/csms/gateway-service/" + gatewayId;
        this.topics = topics;
        this.clock = clock;
    }

    public String gatewayId() {
        return gatewayId;
    }

    public Topics topics() {
        return topics;
    }

    public Clock clock() {
        return clock;
    }

    /** A new envelope with a fresh id. */
    public <T> EventEnvelope<T> envelope(EventType<T> type, String stationId, T data, OcppVersion version,
            String action, String correlationId) {
        return envelope(UUID.randomUUID().toString(), type, stationId, data, version, action, correlationId);
    }

    /** A new envelope with a chosen id (a StationCall's id is known before it is built, to await its answer). */
    public <T> EventEnvelope<T> envelope(String id, EventType<T> type, String stationId, T data, OcppVersion version,
            String action, String correlationId) {
        Map<String, String> extensions = new HashMap<>(8);
        extensions.put(CloudEventHeaders.GATEWAY_ID, gatewayId);
        if (version != null) {
            extensions.put(CloudEventHeaders.OCPP_VERSION, version.label());
        }
        if (action != null) {
            extensions.put(CloudEventHeaders.OCPP_ACTION, action);
        }
        if (correlationId != null) {
            extensions.put(CloudEventHeaders.CORRELATION_ID, correlationId);
        }
        return new EventEnvelope<>(id, type.type(), source, clock.instant(), stationId, extensions, data);
    }
}
