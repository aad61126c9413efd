package dev.csms.events.cloudevents;

import dev.csms.events.EventSamples;
import dev.csms.events.EventType;
import dev.csms.events.EventTypes;
import dev.csms.events.Topics;
import dev.csms.events.ocpp.Presence;
import dev.csms.events.ocpp.StationCall;
import dev.csms.ocpp.OcppVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T09:00:00.123Z"), ZoneOffset.UTC);
    private final EventCodec codec = new EventCodec();

    /** What a consumer receives for a produced record. */
    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(record.topic(), 0, 17L, 0L, TimestampType.CREATE_TIME, 0, 0, record.key(),
                record.value(), record.headers(), Optional.empty());
    }

    private static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        return StreamSupport.stream(record.headers().spliterator(), false).collect(Collectors.toMap(Header::key,
                h -> new String(h.value(), StandardCharsets.UTF_8)));
    }

    @Test
    void everySampleOfEveryTypeSurvivesKafka() {
        for (Map.Entry<EventType<?>, List<?>> entry : EventSamples.all().entrySet()) {
            for (Object data : entry.getValue()) {
                EventEnvelope<?> envelope = new EventEnvelope<>("id-1", entry.getKey().type(), "/csms/test", CLOCK.instant(),
                        "CP-0042", Map.of(), data);

                EventEnvelope<?> read = codec.fromRecord(consumed(codec.toRecord("t", envelope)));

                assertThat(read).as(entry.getKey().type()).isEqualTo(envelope);
            }
        }
    }

    @Test
    void recordIsBinaryModeCloudEventKeyedByStation() {
        StationCall call = (StationCall) EventSamples.all().get(EventTypes.STATION_CALL).get(0);
        EventEnvelope<StationCall> envelope = EventEnvelope.create(EventTypes.STATION_CALL, "/csms/gateway-service/gw-1",
                        call.stationId(), call, CLOCK)
                .withExtension(CloudEventHeaders.GATEWAY_ID, "gw-1")
                .withExtension(CloudEventHeaders.OCPP_VERSION, call.ocppVersion().label())
                .withExtension(CloudEventHeaders.OCPP_ACTION, call.action())
                .withExtension(CloudEventHeaders.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .withExtension(CloudEventHeaders.CORRELATION_ID, null);

        ProducerRecord<String, byte[]> record = codec.toRecord(Topics.unprefixed().inbound(), envelope);

        assertThat(record.topic()).isEqualTo("ocpp.inbound");
        assertThat(record.key()).isEqualTo("CP-0042");
        assertThat(headers(record)).containsOnly(
                Map.entry("ce_specversion", "1.0"), Map.entry("ce_id", envelope.id()),
                Map.entry("ce_type", "csms.ocpp.StationCall.v1"), Map.entry("ce_source", "/csms/gateway-service/gw-1"),
                Map.entry("ce_time", "2025-03-14T09:00:00.123Z"), Map.entry("ce_subject", "CP-0042"),
                Map.entry("content-type", "application/json"), Map.entry("ce_gatewayid", "gw-1"),
                Map.entry("ce_ocppversion", "2.0.1"), Map.entry("ce_ocppaction", "Action"),
                Map.entry("ce_traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"ocppVersion\":\"2.0.1\"", "\"receivedAt\":\"2025-03-14T09:31:12.250Z\"")
                .doesNotContain("null");
        EventEnvelope<StationCall> read = codec.fromRecord(consumed(record), EventTypes.STATION_CALL);
        assertThat(read.traceparent()).contains("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        assertThat(read.correlationId()).isEmpty();
        assertThat(read.data()).isEqualTo(call);
    }

    @Test
    void recordHeadersAreWrittenOnceEachInWriteHeadersOrder() {
        StationCall call = (StationCall) EventSamples.all().get(EventTypes.STATION_CALL).get(0);
        EventEnvelope<StationCall> envelope = new EventEnvelope<>("id-3", EventTypes.STATION_CALL.type(),
                "/csms/gateway-service/gw-1", CLOCK.instant(), "CP-0042", Map.of(CloudEventHeaders.GATEWAY_ID, "gw-1",
                CloudEventHeaders.OCPP_VERSION, "2.0.1", CloudEventHeaders.OCPP_ACTION, "Action",
                CloudEventHeaders.CORRELATION_ID, "c-1"), call);
        RecordHeaders written = new RecordHeaders();
        codec.writeHeaders(envelope, written);

        ProducerRecord<String, byte[]> record = codec.toRecord("t", envelope);

        List<String> keys = StreamSupport.stream(record.headers().spliterator(), false).map(Header::key).toList();
        assertThat(keys).hasSize(11).doesNotHaveDuplicates()
                .startsWith("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_time", "ce_subject", "content-type");
        assertThat(record.headers().toArray()).containsExactly(written.toArray());
        record.headers().add("x-trace", new byte[] {1});
        assertThat(record.headers().lastHeader("x-trace").value()).containsExactly(1);
    }

    @Test
    void writeHeadersReplacesHeadersOfTheSameNames() {
        Presence presence = new Presence("CP-9", "gw-2", 5, OcppVersion.V1_6, 1, CLOCK.instant());
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", "old".getBytes(StandardCharsets.UTF_8));
        headers.add("ce_gatewayid", "gw-0".getBytes(StandardCharsets.UTF_8));
        headers.add("x-other", "kept".getBytes(StandardCharsets.UTF_8));

        codec.writeHeaders(new EventEnvelope<>("id-4", EventTypes.PRESENCE.type(), "/gw", CLOCK.instant(), "CP-9",
                Map.of(CloudEventHeaders.GATEWAY_ID, "gw-2"), presence), headers);

        assertThat(headers.headers("ce_id")).extracting(h -> new String(h.value(), StandardCharsets.UTF_8))
                .containsExactly("id-4");
        assertThat(headers.headers("ce_gatewayid")).extracting(h -> new String(h.value(), StandardCharsets.UTF_8))
                .containsExactly("gw-2");
        assertThat(headers.lastHeader("x-other").value()).asString().isEqualTo("kept");
    }

    @Test
    void tombstoneHasKeyAndNoValue() {
        ProducerRecord<String, byte[]> tombstone = codec.tombstone(Topics.unprefixed().presence(), "CP-0042");

        assertThat(tombstone.key()).isEqualTo("CP-0042");
        assertThat(tombstone.value()).isNull();
        assertThat(EventCodec.isTombstone(consumed(tombstone))).isTrue();
        assertThatThrownBy(() -> codec.fromRecord(consumed(tombstone))).isInstanceOf(EventDecodingException.class);
    }

    @Test
    void unknownTypeIsReadAsJson() {
        EventEnvelope<Map<String, Object>> future = new EventEnvelope<>("id-2", "csms.ocpp.Future.v9", "/x",
                CLOCK.instant(), "CP-1", Map.of(), Map.of("a", 1));

        EventEnvelope<?> read = codec.fromRecord(consumed(codec.toRecord("t", future)));

        assertThat(read.data()).isInstanceOf(com.fasterxml.jackson.databind.JsonNode.class);
        assertThat(read.data()).hasToString("{\"a\":1}");
    }

    @Test
    void wrongTypeMissingHeaderOrBadDataIsADecodingError() {
        Presence presence = (Presence) EventSamples.all().get(EventTypes.PRESENCE).get(0);
        ProducerRecord<String, byte[]> record = codec.toRecord("ocpp.presence",
                EventEnvelope.create(EventTypes.PRESENCE, "/gw", presence.stationId(), presence, CLOCK));

        assertThatThrownBy(() -> codec.fromRecord(consumed(record), EventTypes.STATION_CALL))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("csms.ocpp.StationCall.v1");

        record.headers().remove(CloudEventHeaders.ID);
        assertThatThrownBy(() -> codec.fromRecord(consumed(record)))
                .isInstanceOf(EventDecodingException.class).hasMessageContaining("ce_id");

        RecordHeaders headers = new RecordHeaders();
        codec.writeHeaders(EventEnvelope.create(EventTypes.PRESENCE, "/gw", "CP-1", presence, CLOCK), headers);
        assertThatThrownBy(() -> codec.read(headers, "{\"stationId\":".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> codec.read(headers, "{\"ocppVersion\":\"1.5\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(EventDecodingException.class);
    }

    @Test
    void serializerAndDeserializerUseTheHeaders() {
        Presence presence = new Presence("CP-9", "gw-2", 5, OcppVersion.V1_6, 1, CLOCK.instant());
        EventEnvelope<Presence> envelope = EventEnvelope.create(EventTypes.PRESENCE, "/gw", "CP-9", presence, CLOCK);
        RecordHeaders headers = new RecordHeaders();

        try (var serializer = new EventEnvelopeSerializer(); var deserializer = new EventEnvelopeDeserializer()) {
            byte[] value = serializer.serialize("ocpp.presence", headers, envelope);

            assertThat(headers.lastHeader("ce_type").value()).asString().isEqualTo("csms.ocpp.Presence.v1");
            assertThat(deserializer.deserialize("ocpp.presence", headers, value)).isEqualTo(envelope);
            assertThat(serializer.serialize("ocpp.presence", new RecordHeaders(), null)).isNull();
            assertThat(deserializer.deserialize("ocpp.presence", new RecordHeaders(), (byte[]) null)).isNull();
        }
    }

    @Test
    void extensionNamesFollowCloudEvents() {
        EventEnvelope<Presence> envelope = EventEnvelope.create(EventTypes.PRESENCE, "/gw", "CP-9",
                new Presence("CP-9", "gw-2", 5, OcppVersion.V1_6, 1, CLOCK.instant()), CLOCK);

        assertThatThrownBy(() -> envelope.withExtension("correlation-id", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> envelope.withExtension("type", "x")).isInstanceOf(IllegalArgumentException.class);
        for (String bad : List.of("", "a".repeat(21), "Gatewayid", "gateway_id", "ocpp.version", "x y", "ä",
                "dataschema", "specversion")) {
            assertThatThrownBy(() -> envelope.withExtension(bad, "x")).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        for (String good : List.of("a", "z9", "0", "a".repeat(20), "gatewayid", "ocppversion", "traceparent")) {
            assertThat(envelope.withExtension(good, "x").extension(good)).as(good).contains("x");
        }
    }
}
