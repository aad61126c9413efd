package dev.csms.ocpp;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson configuration for OCPP payloads and frames, shared so that every module reads and writes
 * the generated message types ({@code dev.csms.ocpp.v16.messages}, {@code v201.messages},
 * {@code v21.messages}) the same way.
 *
 * <ul>
 *   <li>{@code java.time} types (the generated {@code OffsetDateTime} fields) are written as ISO-8601
 *       strings, never as numbers;</li>
 *   <li>JSON decimals are read as {@link java.math.BigDecimal} and written in plain notation, so amounts
 *       and {@code multipleOf} checks keep their exact digits;</li>
 *   <li>trailing content after the first JSON value is an error, so {@code [2,"1","Heartbeat",{}]x} is
 *       not silently accepted.</li>
 * </ul>
 */
public final class OcppJson {

    private OcppJson() {
    }

    /**
     * A new mapper with the OCPP settings. Mappers are thread-safe once configured; callers keep one
     * instance and do not reconfigure it.
     */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }
}
