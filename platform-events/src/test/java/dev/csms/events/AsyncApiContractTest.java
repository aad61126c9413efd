package dev.csms.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.csms.events.cloudevents.CloudEventHeaders;
import dev.csms.events.cloudevents.EventCodec;
import dev.csms.events.cloudevents.EventEnvelope;
import dev.csms.events.cloudevents.EventJson;
import dev.csms.ocpp.canonical.CsmsAnswer;
import dev.csms.ocpp.canonical.StationCommand;
import dev.csms.ocpp.canonical.StationEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.File;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@code docs/asyncapi.yaml} true: every event type the code can emit has a message on its topic, and real
 * instances of every type (with every canonical variant inside) validate against the documented schemas.
 */
class AsyncApiContractTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T09:00:00Z"), ZoneOffset.UTC);
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static JsonNode asyncApi;

    @BeforeAll
    static void load() throws Exception {
        // Surefire runs in the module directory; the document lives in the repository's docs/.
        asyncApi = new YAMLMapper().readTree(new File("../docs/asyncapi.yaml"));
    }

    private static JsonNode message(EventType<?> type) {
        return StreamSupport.stream(asyncApi.path("components").path("messages").spliterator(), false)
                .filter(m -> m.path("name").asText().equals(type.type())).findFirst().orElse(null);
    }

    /** A schema that is a $ref into the document, resolved against the document's components. */
    private static JsonSchema schema(String ref) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.set("components", asyncApi.path("components"));
        root.putArray("allOf").addObject().put("$ref", ref);
        return FACTORY.getSchema(root, CONFIG);
    }

    private static Set<ValidationMessage> validate(String ref, JsonNode instance) {
        return schema(ref).validate(instance);
    }

    @Test
    void everyEventTypeHasAMessageOnItsTopicsChannel() {
        for (EventType<?> type : EventTypes.ALL) {
            JsonNode message = message(type);
            assertThat(message).as("message named %s in docs/asyncapi.yaml", type.type()).isNotNull();
            JsonNode channel = StreamSupport.stream(asyncApi.path("channels").spliterator(), false)
                    .filter(c -> c.path("address").asText().equals(type.topic().name())).findFirst().orElseThrow();
            List<String> refs = channel.path("messages").findValuesAsText("$ref");
            String messageKey = StreamSupport.stream(
                            ((Iterable<Map.Entry<String, JsonNode>>) () -> asyncApi.path("components").path("messages")
                                    .fields()).spliterator(), false)
                    .filter(e -> e.getValue() == message).map(Map.Entry::getKey).findFirst().orElseThrow();
            assertThat(refs).as("channel %s lists %s", type.topic().name(), type.type())
                    .contains("#/components/messages/" + messageKey);
        }
    }

    @Test
    void everyTopicHasAChannelWithItsCleanupPolicy() {
        for (Topics.Topic topic : Topics.ALL) {
            JsonNode channel = StreamSupport.stream(asyncApi.path("channels").spliterator(), false)
                    .filter(c -> c.path("address").asText().equals(topic.name())).findFirst().orElse(null);
            assertThat(channel).as("channel for %s", topic.name()).isNotNull();
            if (topic.compacted()) {
                assertThat(channel.at("/bindings/kafka/topicConfiguration/cleanup.policy").toString())
                        .as(topic.name()).contains("compact");
            }
        }
    }

    @Test
    void samplesCoverEveryEventTypeAndEveryCanonicalVariant() {
        assertThat(EventSamples.all().keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.ALL);
        assertThat(EventSamples.stationEvents().stream().map(Object::getClass).toList())
                .containsExactlyInAnyOrder(StationEvent.class.getPermittedSubclasses());
        assertThat(EventSamples.answers().stream().map(Object::getClass).toList())
                .containsExactlyInAnyOrder(CsmsAnswer.class.getPermittedSubclasses());
        assertThat(EventSamples.commands().stream().map(Object::getClass).toList())
                .containsExactlyInAnyOrder(StationCommand.class.getPermittedSubclasses());
    }

    @TestFactory
    Stream<DynamicTest> everySampleValidatesAgainstItsMessagePayload() {
        List<DynamicTest> tests = new ArrayList<>();
        EventSamples.all().forEach((type, samples) -> {
            for (Object sample : samples) {
                tests.add(DynamicTest.dynamicTest(type.type() + " " + describe(sample), () -> {
                    JsonNode message = message(type);
                    assertThat(message).as("message %s", type.type()).isNotNull();
                    JsonNode data = EventJson.mapper().valueToTree(sample);
                    assertThat(validate(message.path("payload").path("$ref").asText(), data))
                            .as("%s against docs/asyncapi.yaml", data).isEmpty();
                }));
            }
        });
        return tests.stream();
    }

    private static String describe(Object sample) {
        for (var component : sample.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(sample);
                if (value instanceof StationEvent || value instanceof CsmsAnswer || value instanceof StationCommand
                        || value instanceof Enum<?>) {
                    return value.getClass().getSimpleName() + (value instanceof Enum<?> e ? "." + e.name() : "");
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return "";
    }

    @Test
    void producedHeadersValidateAgainstTheHeaderSchema() {
        EventCodec codec = new EventCodec();
        for (EventType<?> type : EventTypes.ALL) {
            Object sample = EventSamples.all().get(type).get(0);
            EventEnvelope<?> envelope = new EventEnvelope<>("3c1f6f0e-8a7e-4d56-9a55-0c1d2e3f4a5b", type.type(),
                    "/csms/test", CLOCK.instant(), "CP-0042", Map.of(
                    CloudEventHeaders.CORRELATION_ID, "c0ffee", CloudEventHeaders.GATEWAY_ID, "gw-1",
                    CloudEventHeaders.OCPP_VERSION, "1.6", CloudEventHeaders.OCPP_ACTION, "Heartbeat",
                    CloudEventHeaders.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"),
                    sample);
            ProducerRecord<String, byte[]> record = codec.toRecord(type.topic().name(), envelope);
            ObjectNode headers = JsonNodeFactory.instance.objectNode();
            for (Header header : record.headers()) {
                headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
            }

            assertThat(validate(message(type).path("headers").path("$ref").asText(), headers))
                    .as("headers of %s: %s", type.type(), headers).isEmpty();
        }
    }

    @Test
    void schemasRejectWhatTheCodeWouldNeverWrite() {
        ObjectNode call = EventJson.mapper().valueToTree(EventSamples.all().get(EventTypes.STATION_CALL).get(0));
        ObjectNode unknownVariant = call.deepCopy();
        ((ObjectNode) unknownVariant.get("event")).put("type", "Teleport");
        ObjectNode missingField = call.deepCopy();
        missingField.remove("stationId");
        ObjectNode extraField = call.deepCopy();
        extraField.put("surprise", true);
        ObjectNode badVersion = call.deepCopy();
        badVersion.put("ocppVersion", "V1_6");

        for (ObjectNode wrong : List.of(unknownVariant, missingField, extraField, badVersion)) {
            assertThat(validate("#/components/schemas/StationCall", wrong)).as(wrong.toString()).isNotEmpty();
        }
    }

    @Test
    void enumSchemasListExactlyTheValuesTheCodeWrites() {
        Set<Class<?>> enums = new LinkedHashSet<>();
        EventTypes.ALL.forEach(type -> collectEnums(type.dataClass(), enums, new HashSet<>()));
        assertThat(enums).hasSizeGreaterThan(25);

        for (Class<?> type : enums) {
            JsonNode schema = asyncApi.path("components").path("schemas").path(type.getSimpleName());
            assertThat(schema.isMissingNode()).as("schema %s", type.getSimpleName()).isFalse();
            List<String> written = Arrays.stream(type.getEnumConstants())
                    .map(c -> EventJson.mapper().valueToTree(c).asText()).toList();
            List<String> documented = new ArrayList<>();
            ((ArrayNode) schema.get("enum")).forEach(v -> documented.add(v.asText()));
            assertThat(documented).as("enum %s", type.getSimpleName()).containsExactlyElementsOf(written);
        }
    }

    /** Every enum reachable from a data class through record components, collections and sealed variants. */
    private static void collectEnums(Type type, Set<Class<?>> enums, Set<Type> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(t -> collectEnums(t, enums, seen));
        } else if (type instanceof Class<?> c) {
            if (c.isEnum()) {
                enums.add(c);
            } else if (c.isRecord()) {
                for (RecordComponent component : c.getRecordComponents()) {
                    collectEnums(component.getGenericType(), enums, seen);
                }
            } else if (c.isSealed()) {
                Arrays.stream(c.getPermittedSubclasses()).forEach(s -> collectEnums(s, enums, seen));
            }
        }
    }
}
