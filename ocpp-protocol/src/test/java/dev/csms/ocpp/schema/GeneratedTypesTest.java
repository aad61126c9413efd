package dev.csms.ocpp.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.csms.ocpp.OcppVersion;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * jsonschema2pojo generates a 2.x {@code javaType} once and reuses it for every file that defines it; that is
 * only right if all those definitions agree. Checked here, so a schema update that breaks it fails the build.
 */
class GeneratedTypesTest {

    private final SchemaSamples samples = new SchemaSamples();

    @ParameterizedTest
    @EnumSource(value = OcppVersion.class, names = {"V2_0_1", "V2_1"})
    void everyJavaTypeHasOneDefinitionPerVersion(OcppVersion version) throws Exception {
        Map<String, JsonNode> seen = new HashMap<>();
        int reused = 0;
        for (OcppAction action : OcppActions.catalog().actions(version)) {
            for (MessageKind kind : MessageKind.values()) {
                if (action.schemaResource(kind).isEmpty()) {
                    continue;
                }
                JsonNode definitions = samples.schema(version, action.name(), kind).path("definitions");
                for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> definition = it.next();
                    String javaType = definition.getValue().path("javaType").asText(definition.getKey());
                    JsonNode withoutProse = withoutProse(definition.getValue());
                    JsonNode earlier = seen.putIfAbsent(javaType, withoutProse);
                    if (earlier != null) {
                        reused++;
                        assertThat(withoutProse).as("%s in %s %s", javaType, action.name(), kind).isEqualTo(earlier);
                    }
                }
            }
        }
        assertThat(reused).as("definitions shared between files").isGreaterThan(100);
        assertThat(action(version, "BootNotification").messageClass(MessageKind.REQUEST).orElseThrow().getPackageName())
                .isEqualTo("dev.csms.ocpp." + version.schemaFolder() + ".messages");
    }

    private static OcppAction action(OcppVersion version, String name) {
        return OcppActions.catalog().find(version, name).orElseThrow();
    }

    /** The definition without descriptions and comments, which differ between files without meaning. */
    private static JsonNode withoutProse(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("description");
            object.remove("comment");
        }
        node.forEach(GeneratedTypesTest::strip);
    }
}
