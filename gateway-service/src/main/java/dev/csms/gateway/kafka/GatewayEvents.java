package dev.csms.gateway.kafka;

import dev.csms.events.EventType;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.ocpp.OcppVersion;

import java.time.Clock;
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
        // an immutable map from the start: EventEnvelope keeps it as it is instead of copying a HashMap per record
        String[] pairs = new String[8];
        int n = 0;
        pairs[n++] = CloudEventHeaders.GATEWAY_ID;
        pairs[n++] = gatewayId;
        if (version != null) {
            pairs[n++] = CloudEventHeaders.OCPP_VERSION;
            pairs[n++] = version.label();
        }
        if (action != null) {
            pairs[n++] = CloudEventHeaders.OCPP_ACTION;
            pairs[n++] = action;
        }
        if (correlationId != null) {
            pairs[n++] = CloudEventHeaders.CORRELATION_ID;
            pairs[n++] = correlationId;
        }
        Map<String, String> extensions = switch (n) {
            case 2 -> Map.of(pairs[0], pairs[1]);
            case 4 -> Map.of(pairs[0], pairs[1], pairs[2], pairs[3]);
            case 6 -> Map.of(pairs[0], pairs[1], pairs[2], pairs[3], pairs[4], pairs[5]);
            default -> Map.of(pairs[0], pairs[1], pairs[2], pairs[3], pairs[4], pairs[5], pairs[6], pairs[7]);
        };
        return new EventEnvelope<>(id, type.type(), source, clock.instant(), stationId, extensions, data);
    }
}
