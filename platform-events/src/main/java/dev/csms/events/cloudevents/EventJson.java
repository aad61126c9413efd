package dev.csms.events.cloudevents;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CanonicalJson;

import java.io.IOException;

/**
 * The JSON of event data: the canonical settings of {@link CanonicalJson}, with OCPP versions written as their
 * labels ({@code "1.6"}, {@code "2.0.1"}, {@code "2.1"}) as people and the AsyncAPI document write them.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = CanonicalJson.builder().addModule(module()).build();

    private EventJson() {
    }

    /** The shared mapper for event data (thread-safe; do not reconfigure it). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The Jackson module that writes and reads {@link OcppVersion} by label. */
    public static SimpleModule module() {
        SimpleModule module = new SimpleModule("csms-events");
        module.addSerializer(OcppVersion.class, new JsonSerializer<>() {
            @Override
            public void serialize(OcppVersion value, JsonGenerator gen, SerializerProvider serializers)
                    throws IOException {
                gen.writeString(value.label());
            }
        });
        module.addDeserializer(OcppVersion.class, new JsonDeserializer<>() {
            @Override
            public OcppVersion deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String label = p.getValueAsString();
                return OcppVersion.fromLabel(label).orElseThrow(
                        () -> ctxt.weirdStringException(label, OcppVersion.class, "not an OCPP version label"));
            }
        });
        return module;
    }
}
