package dev.csms.localstack.jwt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Mints RS256 JWTs for local use (tests and the launcher) and publishes the matching public key as a PEM file
 * that the services verify with smallrye-jwt ({@link #verificationConfig()}).
 *
 * <p>The key pair lives in a directory: {@code public-key.pem} (X.509 SubjectPublicKeyInfo) and
 * {@code private-key.pem} (PKCS#8, readable by the owner only). It is generated on first use and loaded after.
 */
public final class LocalJwtIssuer {

    /** The {@code iss} claim of every token, and what the services expect ({@code mp.jwt.verify.issuer}). */
    public static final String ISSUER = "csms-local";
    /** Role that may read and write through the operator APIs. */
    public static final String OPERATOR = "operator";
    /** Role that may only read. */
    public static final String VIEWER = "viewer";
    public static final String PUBLIC_KEY_FILE = "public-key.pem";
    public static final String PRIVATE_KEY_FILE = "private-key.pem";

    private static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL.encodeToString(
            "{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final Path publicKeyFile;
    private final Clock clock;

    private LocalJwtIssuer(KeyPair keys, Path publicKeyFile, Clock clock) {
        this.privateKey = keys.getPrivate();
        this.publicKey = keys.getPublic();
        this.publicKeyFile = publicKeyFile;
        this.clock = clock;
    }

    /** Loads the key pair from {@code directory}, or generates and writes one if it holds none. */
    public static LocalJwtIssuer loadOrCreate(Path directory) {
        return loadOrCreate(directory, Clock.systemUTC());
    }

    /** As {@link #loadOrCreate(Path)}, with the clock that sets {@code iat} and {@code exp}. */
    public static LocalJwtIssuer loadOrCreate(Path directory, Clock clock) {
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE).toAbsolutePath();
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE).toAbsolutePath();
        try {
            KeyPair keys = Files.exists(publicFile) && Files.exists(privateFile)
                    ? read(publicFile, privateFile)
                    : generate(directory, publicFile, privateFile);
            return new LocalJwtIssuer(keys, publicFile, Objects.requireNonNull(clock, "clock"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load or write the JWT keys in " + directory, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JWT keys in " + directory + " are unusable; delete them to "
                    + "generate new ones", e);
        }
    }

    /** Absolute path of the public key PEM, for {@code mp.jwt.verify.publickey.location}. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** What a service needs to verify these tokens: the smallrye-jwt public key location and issuer. */
    public Map<String, String> verificationConfig() {
        return Map.of(
                "mp.jwt.verify.publickey.location", publicKeyFile.toString(),
                "mp.jwt.verify.issuer", ISSUER);
    }

    /** A token for {@code subject} with {@code roles} as its {@code groups}, valid for one hour. */
    public String token(String subject, Set<String> roles) {
        return token(subject, roles, DEFAULT_LIFETIME);
    }

    /** A token for {@code subject} with {@code roles} as its {@code groups}, valid for {@code lifetime}. */
    public String token(String subject, Set<String> roles, Duration lifetime) {
        Objects.requireNonNull(subject, "subject");
        Instant now = clock.instant();
        String groups = new TreeSet<>(roles).stream().map(LocalJwtIssuer::json).collect(Collectors.joining(",", "[", "]"));
        String claims = "{\"iss\":" + json(ISSUER)
                + ",\"jti\":" + json(UUID.randomUUID().toString())
                + ",\"sub\":" + json(subject)
                + ",\"upn\":" + json(subject)
                + ",\"groups\":" + groups
                + ",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(lifetime).getEpochSecond() + "}";
        String signingInput = HEADER + "." + BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a JWT", e);
        }
    }

    private static KeyPair generate(Path directory, Path publicFile, Path privateFile)
            throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Files.createDirectories(directory);
        writeAtomically(privateFile, pem("PRIVATE KEY", keys.getPrivate().getEncoded()), true);
        writeAtomically(publicFile, pem("PUBLIC KEY", keys.getPublic().getEncoded()), false);
        return keys;
    }

    private static KeyPair read(Path publicFile, Path privateFile) throws IOException, GeneralSecurityException {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(der(publicFile)));
        PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(privateFile)));
        return new KeyPair(publicKey, privateKey);
    }

    private static byte[] der(Path pemFile) throws IOException {
        String base64 = Files.readString(pemFile, StandardCharsets.US_ASCII)
                .replaceAll("-----(BEGIN|END) [A-Z ]+-----", "")
                .replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Written next to the target and moved, so a reader never sees half a key. */
    private static void writeAtomically(Path target, String content, boolean ownerOnly) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (ownerOnly && temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                throw new IOException("another process is writing " + target, e);
            }
        }
        Files.writeString(temp, content, StandardCharsets.US_ASCII);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String json(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
