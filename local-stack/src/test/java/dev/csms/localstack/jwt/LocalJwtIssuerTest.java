package dev.csms.localstack.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalJwtIssuerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path keys;

    private LocalJwtIssuer issuer() {
        return LocalJwtIssuer.loadOrCreate(keys, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void tokenHasTheRs256HeaderAndTheClaimsSmallryeJwtReads() throws Exception {
        String token = issuer().token("alice", Set.of(LocalJwtIssuer.OPERATOR, LocalJwtIssuer.VIEWER),
                Duration.ofMinutes(5));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = JSON.readTree(decode(parts[0]));
        assertThat(header.get("alg").asText()).isEqualTo("RS256");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
        JsonNode claims = JSON.readTree(decode(parts[1]));
        assertThat(claims.get("iss").asText()).isEqualTo("csms-local");
        assertThat(claims.get("sub").asText()).isEqualTo("alice");
        assertThat(claims.get("upn").asText()).isEqualTo("alice");
        assertThat(claims.get("groups")).extracting(JsonNode::asText).containsExactlyInAnyOrder("operator", "viewer");
        assertThat(claims.get("iat").asLong()).isEqualTo(NOW.getEpochSecond());
        assertThat(claims.get("exp").asLong()).isEqualTo(NOW.plusSeconds(300).getEpochSecond());
        assertThat(claims.get("jti").asText()).isNotBlank();
    }

    @Test
    void signatureVerifiesWithThePublishedPemFile() throws Exception {
        LocalJwtIssuer issuer = issuer();
        String token = issuer.token("alice", Set.of(LocalJwtIssuer.VIEWER));

        assertThat(verifies(token, readPem(issuer.publicKeyFile()))).isTrue();
    }

    @Test
    void tamperedClaimsDoNotVerify() throws Exception {
        LocalJwtIssuer issuer = issuer();
        String[] parts = issuer.token("bob", Set.of(LocalJwtIssuer.VIEWER)).split("\\.");
        String escalated = new String(decode(parts[1]), StandardCharsets.UTF_8).replace("viewer", "operator");
        String tampered = parts[0] + "." + encode(escalated.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThat(verifies(tampered, readPem(issuer.publicKeyFile()))).isFalse();
    }

    @Test
    void tokensOfAnotherKeyPairDoNotVerify(@TempDir Path otherKeys) throws Exception {
        String foreign = LocalJwtIssuer.loadOrCreate(otherKeys).token("mallory", Set.of(LocalJwtIssuer.OPERATOR));

        assertThat(verifies(foreign, readPem(issuer().publicKeyFile()))).isFalse();
    }

    @Test
    void keysAreGeneratedOnceAndLoadedAfter() throws Exception {
        String token = issuer().token("alice", Set.of(LocalJwtIssuer.OPERATOR));
        String pem = Files.readString(keys.resolve(LocalJwtIssuer.PUBLIC_KEY_FILE));

        LocalJwtIssuer reloaded = issuer();

        assertThat(Files.readString(reloaded.publicKeyFile())).isEqualTo(pem);
        assertThat(verifies(token, reloaded.publicKey())).isTrue();
        assertThat(verifies(reloaded.token("alice", Set.of()), readPem(keys.resolve("public-key.pem")))).isTrue();
    }

    @Test
    void privateKeyIsReadableByTheOwnerOnly() throws Exception {
        issuer();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve("private-key.pem"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(keys.resolve("private-key.pem"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
    }

    @Test
    void subjectsWithQuotesStayValidJson() throws Exception {
        String token = issuer().token("eve\"},\"groups\":[\"operator\"]", Set.of());

        JsonNode claims = JSON.readTree(decode(token.split("\\.")[1]));
        assertThat(claims.get("sub").asText()).isEqualTo("eve\"},\"groups\":[\"operator\"]");
        assertThat(claims.get("groups")).isEmpty();
    }

    @Test
    void verificationConfigNamesTheKeyFileAndIssuer() {
        LocalJwtIssuer issuer = issuer();

        assertThat(issuer.verificationConfig())
                .containsEntry("mp.jwt.verify.publickey.location", keys.resolve("public-key.pem").toAbsolutePath().toString())
                .containsEntry("mp.jwt.verify.issuer", "csms-local");
    }

    /** Independent of the issuer's own parsing: what a verifier does with the PEM file. */
    private static PublicKey readPem(Path file) throws Exception {
        String pem = Files.readString(file);
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private static boolean verifies(String token, PublicKey key) throws Exception {
        int lastDot = token.lastIndexOf('.');
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(key);
        rs256.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(Base64.getUrlDecoder().decode(token.substring(lastDot + 1)));
    }

    private static byte[] decode(String part) {
        return Base64.getUrlDecoder().decode(part);
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
