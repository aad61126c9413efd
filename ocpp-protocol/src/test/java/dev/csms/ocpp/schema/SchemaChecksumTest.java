package dev.csms.ocpp.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The official schemas ship unmodified: every file listed in SHA256SUMS exists and has its digest. */
class SchemaChecksumTest {

    private static final Path SOURCE = Path.of("src/main/resources/ocpp-schemas");

    @Test
    void everyListedSchemaOnTheClasspathHasItsRecordedDigest() throws Exception {
        List<SchemaFiles.Entry> index = SchemaFiles.index();

        assertThat(index).hasSize(78 + 128 + 181);
        for (SchemaFiles.Entry entry : index) {
            try (InputStream in = SchemaFiles.open(SchemaFiles.ROOT + entry.path())) {
                assertThat(sha256(in)).as(entry.path()).isEqualTo(entry.sha256());
            }
        }
    }

    @Test
    void sha256sumsListsExactlyTheSchemaFilesInTheSourceTree() throws IOException {
        Set<String> listed = SchemaFiles.index().stream().map(SchemaFiles.Entry::path).collect(Collectors.toSet());
        Set<String> present;
        try (Stream<Path> files = Files.walk(SOURCE)) {
            present = files.filter(Files::isRegularFile)
                    .map(f -> SOURCE.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.equals("README.md") && !f.equals("SHA256SUMS"))
                    .collect(Collectors.toSet());
        }

        assertThat(present).isEqualTo(listed);
        assertThat(listed.stream().filter(p -> p.startsWith("v16/"))).hasSize(78);
        assertThat(listed.stream().filter(p -> p.startsWith("v201/"))).hasSize(128);
        assertThat(listed.stream().filter(p -> p.startsWith("v21/"))).hasSize(181);
        assertThat(SOURCE.resolve("README.md")).exists();
    }

    @Test
    void theDigestCheckDetectsAChangedByte() throws Exception {
        // Guards the check itself: one changed byte (CRLF -> LF normalization, an edit) must change the digest.
        byte[] original;
        try (InputStream in = SchemaFiles.open(SchemaFiles.ROOT + "v16/BootNotification.json")) {
            original = in.readAllBytes();
        }
        byte[] normalized = new String(original, java.nio.charset.StandardCharsets.UTF_8)
                .replace("\r\n", "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(normalized.length).as("1.6 core schemas use CRLF").isLessThan(original.length);
        assertThat(sha256(new java.io.ByteArrayInputStream(normalized)))
                .isNotEqualTo(sha256(new java.io.ByteArrayInputStream(original)));
    }

    private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    }
}
