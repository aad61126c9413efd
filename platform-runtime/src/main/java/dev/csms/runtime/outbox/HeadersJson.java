package dev.csms.runtime.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Base64;
import java.util.List;

/** The {@code headers} column: a JSON array of {key, value} with base64 values, in header order. */
final class HeadersJson {

    private record Entry(String key, String value) {
    }

    private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() {
    };
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HeadersJson() {
    }

    static String write(List<OutboxRecord.Header> headers) {
        List<Entry> entries = headers.stream()
                .map(h -> new Entry(h.key(), h.value() == null ? null : Base64.getEncoder().encodeToString(h.value())))
                .toList();
        try {
            return MAPPER.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write outbox headers", e);
        }
    }

    static List<OutboxRecord.Header> read(String json) {
        try {
            return MAPPER.readValue(json, ENTRIES).stream()
                    .map(e -> new OutboxRecord.Header(e.key(), e.value() == null ? null : Base64.getDecoder().decode(e.value())))
                    .toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read outbox headers", e);
        }
    }
}
