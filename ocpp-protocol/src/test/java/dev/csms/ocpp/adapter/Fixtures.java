package dev.csms.ocpp.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.csms.ocpp.OcppVersion;
import dev.csms.ocpp.canonical.CanonicalJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Hand-written sample payloads of station requests, {@code fixtures/<schema folder>/<Action>[.variant].json}.
 */
final class Fixtures {

    /** One sample: the action, the file it came from and its payload. */
    record Fixture(OcppVersion version, String action, String file, JsonNode payload) {
        @Override
        public String toString() {
            return version.label() + " " + file;
        }
    }

    private Fixtures() {
    }

    static JsonNode payload(OcppVersion version, String file) {
        try (InputStream in = Fixtures.class.getClassLoader()
                .getResourceAsStream("fixtures/" + version.schemaFolder() + "/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + file + " for " + version.label());
            }
            return CanonicalJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Fixture> all(OcppVersion version) {
        URL dir = Fixtures.class.getClassLoader().getResource("fixtures/" + version.schemaFolder());
        if (dir == null) {
            throw new IllegalStateException("no fixtures for " + version.label());
        }
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".json")).sorted()
                    .map(f -> new Fixture(version, f.substring(0, f.indexOf('.')), f, payload(version, f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
