package dev.csms.ocpp.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema files on the classpath. {@code SHA256SUMS} is their index: a classpath cannot be listed portably
 * (jar, directory, Quarkus class loaders), and the checksum file already names every file that ships.
 */
final class SchemaFiles {

    /** Classpath folder of the official schemas. */
    static final String ROOT = "ocpp-schemas/";
    static final String INDEX = ROOT + "SHA256SUMS";

    private SchemaFiles() {
    }

    /** One line of {@code SHA256SUMS}: the hex digest and the path relative to {@link #ROOT}. */
    record Entry(String sha256, String path) {
    }

    static List<Entry> index() {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(INDEX), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                // sha256sum format: "<64 hex>  <path>" (two spaces; "*" before the path in binary mode).
                String digest = line.substring(0, 64);
                String path = line.substring(64).trim();
                entries.add(new Entry(digest, path.startsWith("*") ? path.substring(1) : path));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
        return entries;
    }

    static InputStream open(String resource) {
        InputStream in = SchemaFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        return in;
    }

    static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = open(resource)) {
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + resource, e);
        }
    }
}
