package dev.csms.events.cloudevents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.csms.events.EventType;
import dev.csms.events.EventTypes;
import dev.csms.ocpp.canonical.IsoInstants;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes {@link EventEnvelope}s to Kafka records and reads them back, in CloudEvents binary mode: attributes in
 * {@code ce_*} headers, data as the JSON record value, key = station id. Thread-safe.
 */
public final class EventCodec {

    private static final int CORE_HEADERS = 7;

    private final ObjectMapper mapper;

    /** A codec with the platform's event JSON ({@link EventJson}). */
    public EventCodec() {
        this(EventJson.mapper());
    }

    /** A codec with a mapper of the caller's; it must have the settings of {@link EventJson}. */
    public EventCodec(ObjectMapper mapper) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    /** A record for a topic, keyed by the envelope's subject (the station id). */
    public ProducerRecord<String, byte[]> toRecord(String topic, EventEnvelope<?> envelope) {
        return new ProducerRecord<>(topic, null, envelope.subject(), writeData(envelope), newHeaders(envelope));
    }

    /**
     * A tombstone for a compacted topic: the station's key with a null value and no CloudEvents headers (a
     * tombstone deletes a key; it is not an event).
     */
    public ProducerRecord<String, byte[]> tombstone(String topic, String stationId) {
        return new ProducerRecord<>(topic, Objects.requireNonNull(stationId, "stationId"), null);
    }

    /** Whether a consumed record is a tombstone. */
    public static boolean isTombstone(ConsumerRecord<String, byte[]> record) {
        return record.value() == null;
    }

    /** Adds the CloudEvents headers of an envelope, replacing headers of the same names. */
    public void writeHeaders(EventEnvelope<?> envelope, Headers headers) {
        for (Header header : newHeaders(envelope)) {
            headers.remove(header.key());
            headers.add(header);
        }
    }

    /**
     * The CloudEvents headers of an envelope, in the order {@link #writeHeaders} writes them. Nothing to replace in
     * fresh headers, and the names cannot repeat (an extension's name is never a core attribute's, see
     * {@link EventEnvelope}), so every header is added once without the scan {@code set} does per header.
     */
    static Headers newHeaders(EventEnvelope<?> envelope) {
        Map<String, String> extensions = envelope.extensions();
        Header[] headers = new Header[CORE_HEADERS + extensions.size()];
        headers[0] = header(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        headers[1] = header(CloudEventHeaders.ID, envelope.id());
        headers[2] = header(CloudEventHeaders.TYPE, envelope.type());
        headers[3] = header(CloudEventHeaders.SOURCE, envelope.source());
        headers[4] = header(CloudEventHeaders.TIME, IsoInstants.format(envelope.time()));
        headers[5] = header(CloudEventHeaders.SUBJECT, envelope.subject());
        headers[6] = header(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        int i = CORE_HEADERS;
        for (Map.Entry<String, String> extension : extensions.entrySet()) {
            headers[i++] = header(CloudEventHeaders.PREFIX + extension.getKey(), extension.getValue());
        }
        return new RecordHeaders(headers);
    }

    /** The JSON record value of an envelope's data. */
    public byte[] writeData(EventEnvelope<?> envelope) {
        try {
            return mapper.writeValueAsBytes(envelope.data());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write the data of " + envelope.type(), e);
        }
    }

    /**
     * Reads a consumed record. The data is the type's record class when {@link EventTypes} knows the type, else a
     * {@link JsonNode} (so a consumer can skip, or log, event types newer than itself).
     *
     * @throws EventDecodingException when the record is a tombstone or is not a readable CloudEvent
     */
    public EventEnvelope<?> fromRecord(ConsumerRecord<String, byte[]> record) {
        return read(record.headers(), record.value());
    }

    /**
     * Reads a consumed record that must be of one type.
     *
     * @throws EventDecodingException when the record is not a readable event of that type
     */
    @SuppressWarnings("unchecked")
    public <T> EventEnvelope<T> fromRecord(ConsumerRecord<String, byte[]> record, EventType<T> expected) {
        EventEnvelope<?> envelope = fromRecord(record);
        if (!envelope.type().equals(expected.type())) {
            throw new EventDecodingException("expected " + expected.type() + " but the record is " + envelope.type());
        }
        return (EventEnvelope<T>) envelope;
    }

    /** Reads headers and a value (the form Kafka deserializers get). */
    public EventEnvelope<?> read(Headers headers, byte[] value) {
        if (value == null) {
            throw new EventDecodingException("a tombstone carries no event");
        }
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION);
        if (!specVersion.equals(CloudEventHeaders.SPEC_VERSION_VALUE)) {
            throw new EventDecodingException("unsupported CloudEvents specversion " + specVersion);
        }
        String contentType = header(headers, CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(CloudEventHeaders.JSON)) {
            throw new EventDecodingException("unsupported content-type " + contentType);
        }
        String type = required(headers, CloudEventHeaders.TYPE);
        Map<String, String> extensions = new LinkedHashMap<>();
        for (Header header : headers) {
            String name = header.key();
            if (name.startsWith(CloudEventHeaders.PREFIX) && !CORE.contains(name) && header.value() != null) {
                extensions.put(name.substring(CloudEventHeaders.PREFIX.length()),
                        new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        Object data;
        try {
            Class<?> dataClass = EventTypes.byType(type).<Class<?>>map(EventType::dataClass).orElse(JsonNode.class);
            data = mapper.readValue(value, dataClass);
        } catch (IOException e) {
            throw new EventDecodingException("the data of a " + type + " does not parse: " + e.getMessage(), e);
        }
        try {
            return new EventEnvelope<>(required(headers, CloudEventHeaders.ID), type,
                    required(headers, CloudEventHeaders.SOURCE), time(required(headers, CloudEventHeaders.TIME)),
                    required(headers, CloudEventHeaders.SUBJECT), extensions, data);
        } catch (IllegalArgumentException e) {
            throw new EventDecodingException("invalid CloudEvents attributes: " + e.getMessage(), e);
        }
    }

    private static final Set<String> CORE = Set.of(CloudEventHeaders.SPEC_VERSION,
            CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE, CloudEventHeaders.TIME,
            CloudEventHeaders.SUBJECT, "ce_datacontenttype", "ce_dataschema");

    private static Instant time(String value) {
        try {
            return IsoInstants.parse(value);
        } catch (DateTimeParseException e) {
            throw new EventDecodingException("ce_time is not RFC 3339: " + value, e);
        }
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String required(Headers headers, String name) {
        String value = header(headers, name);
        if (value == null) {
            throw new EventDecodingException("header " + name + " is missing");
        }
        return value;
    }
}
