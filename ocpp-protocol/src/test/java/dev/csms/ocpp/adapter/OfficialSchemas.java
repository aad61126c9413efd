package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.csms.ocpp.OcppVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official OCA schemas, to check what the adapters produce. They are read from the classpath
 * ({@code ocpp-schemas/<folder>/}, where ocpp-protocol ships them) or, before that resource exists in a branch,
 * from the {@code shared/ocpp-schemas} folder next to the repository.
 */
final class OfficialSchemas {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V6);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private OfficialSchemas() {
    }

    /** The schema file name of an action's request or response in a version. */
    static String fileName(OcppVersion version, String action, boolean request) {
        if (!request) {
            return action + "Response.json";
        }
        return version.isTwoX() ? action + "Request.json" : action + ".json";
    }

    static boolean exists(OcppVersion version, String action, boolean request) {
        return read(version.schemaFolder() + "/" + fileName(version, action, request)) != null;
    }

    static Set<ValidationMessage> validate(OcppVersion version, String action, boolean request, JsonNode payload) {
        String path = version.schemaFolder() + "/" + fileName(version, action, request);
        JsonSchema schema = CACHE.computeIfAbsent(path, p -> {
            JsonNode node = read(p);
            if (node == null) {
                throw new IllegalArgumentException("no official schema " + p);
            }
            return FACTORY.getSchema(node, CONFIG);
        });
        return schema.validate(payload);
    }

    static void assertValid(OcppVersion version, String action, boolean request, JsonNode payload) {
        assertThat(validate(version, action, request, payload))
                .as("%s %s %s against the official schema: %s", version.label(), action,
                        request ? "request" : "response", payload)
                .isEmpty();
    }

    private static JsonNode read(String path) {
        try (InputStream in = OfficialSchemas.class.getClassLoader().getResourceAsStream("ocpp-schemas/" + path)) {
            if (in != null) {
                return MAPPER.readTree(in);
            }
            Path file = sharedFolder().resolve(path);
            return Files.exists(file) ? MAPPER.readTree(file.toFile()) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path sharedFolder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/ocpp-schemas");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("official OCPP schemas neither on the classpath nor in a shared/ folder");
    }
}
