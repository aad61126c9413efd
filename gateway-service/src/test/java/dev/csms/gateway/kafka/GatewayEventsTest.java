package dev.csms.gateway.kafka;

import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.ocpp.Presence;
import dev.csms.ocpp.OcppVersion;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayEventsTest {

    private static final Instant NOW = Instant.parse("2026-12-07T03:46:01.123Z");
    private final GatewayEvents events = new GatewayEvents("gw-7", Topics.unprefixed(),
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final Presence presence = new Presence("CP-1", "gw-7", 3, OcppVersion.V2_1, 1, NOW);

    @Test
    void everyCombinationOfOptionalExtensions() {
        for (int mask = 0; mask < 8; mask++) {
            OcppVersion version = (mask & 1) != 0 ? OcppVersion.V1_6 : null;
            String action = (mask & 2) != 0 ? "StatusNotification" : null;
            String correlation = (mask & 4) != 0 ? "c-42" : null;

            EventEnvelope<Presence> envelope = events.envelope("id-" + mask, EventTypes.PRESENCE, "CP-1", presence,
                    version, action, correlation);

            Map<String, String> expected = new HashMap<>();
            expected.put(CloudEventHeaders.GATEWAY_ID, "gw-7");
            if (version != null) {
                expected.put(CloudEventHeaders.OCPP_VERSION, "1.6");
            }
            if (action != null) {
                expected.put(CloudEventHeaders.OCPP_ACTION, action);
            }
            if (correlation != null) {
                expected.put(CloudEventHeaders.CORRELATION_ID, correlation);
            }
            assertThat(envelope.extensions()).as("mask %d", mask).isEqualTo(expected);
            assertThat(envelope.id()).isEqualTo("id-" + mask);
            assertThat(envelope.type()).isEqualTo(EventTypes.PRESENCE.type());
            assertThat(envelope.source()).isEqualTo("/csms/gateway-service/gw-7");
            assertThat(envelope.subject()).isEqualTo("CP-1");
            assertThat(envelope.time()).isEqualTo(NOW);
            assertThat(envelope.data()).isSameAs(presence);
        }
    }

    @Test
    void freshIdsAreDistinctUuids() {
        EventEnvelope<Presence> first = events.envelope(EventTypes.PRESENCE, "CP-1", presence, null, null, null);
        EventEnvelope<Presence> second = events.envelope(EventTypes.PRESENCE, "CP-1", presence, null, null, null);

        assertThat(first.id()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
                .isNotEqualTo(second.id());
        assertThat(first.extensions()).containsOnlyKeys(CloudEventHeaders.GATEWAY_ID);
    }
}
