package dev.csms.simulator.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Reads a {@link Scenario} from YAML. Unknown fields are errors (a typo must not silently fall back to a
 * default); durations may be written 30s, 5m, 2h or PT5M. Errors name the file, line and field.
 */
public final class ScenarioLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .registerModule(new SimpleModule().addDeserializer(Duration.class, new DurationDeserializer()));

    private ScenarioLoader() {
    }

    /** Reads a scenario file. */
    public static Scenario load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ScenarioException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Reads a scenario from YAML text; {@code source} names it in errors. */
    public static Scenario parse(String yaml, String source) {
        try {
            Scenario scenario = YAML.readValue(yaml, Scenario.class);
            if (scenario == null) {
                throw new ScenarioException(source + ": empty scenario");
            }
            return scenario;
        } catch (UnrecognizedPropertyException e) {
            throw new ScenarioException(source + ": " + path(e) + ": unknown field (known: "
                    + e.getKnownPropertyIds() + ")", e);
        } catch (JsonMappingException e) {
            throw new ScenarioException(source + ": " + path(e) + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " line " + e.getLocation().getLineNr() + ":";
            throw new ScenarioException(source + ":" + where + " " + e.getOriginalMessage(), e);
        }
    }

    /** Where in the document a mapping error is, e.g. {@code groups[0].behaviour.meterInterval}. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "(top)" : path.toString();
    }

    private static final class DurationDeserializer extends StdDeserializer<Duration> {
        private static final long serialVersionUID = 1L;

        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            try {
                return Durations.parse(parser.getValueAsString());
            } catch (IllegalArgumentException e) {
                throw context.weirdStringException(parser.getText(), Duration.class, e.getMessage());
            }
        }
    }
}
