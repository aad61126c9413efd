package dev.csms.events.credentials;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salted slow hashes of station passwords, PBKDF2 with HMAC-SHA256 from the JDK.
 *
 * <p>Format (the PHC string format): {@code $pbkdf2-sha256$i=<iterations>$<salt>$<hash>}, salt (16 random bytes)
 * and hash (32 bytes) in standard Base64 without padding, e.g.
 * {@code $pbkdf2-sha256$i=210000$q1X0...$Zk3...}. The algorithm tag and the iteration count travel with every hash,
 * so the cost can be raised later ({@link #needsRehash}) without invalidating stored hashes.
 */
public final class PasswordHashes {

    /** Iterations for new hashes. */
    public static final int ITERATIONS = 210_000;
    /** The lowest iteration count {@link #verify} accepts. */
    public static final int MIN_ITERATIONS = 100_000;
    /** Guards verification against a crafted hash that would burn CPU for minutes. */
    private static final int MAX_ITERATIONS = 10_000_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String TAG = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern FORMAT = Pattern.compile(
            "\\$" + TAG + "\\$i=([0-9]{1,9})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private PasswordHashes() {
    }

    /**
     * The hash string of a password, with a fresh random salt. The caller still owns (and should clear) it.
     *
     * @throws IllegalArgumentException for an empty password
     */
    public static String hash(char[] password) {
        Objects.requireNonNull(password, "password");
        if (password.length == 0) {
            throw new IllegalArgumentException("a station password must not be empty");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, ITERATIONS, HASH_BYTES);
        return "$" + TAG + "$i=" + ITERATIONS + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /**
     * Whether a password matches a hash string, compared in constant time. A hash string that is malformed or
     * below {@link #MIN_ITERATIONS} never matches.
     */
    public static boolean verify(char[] password, String hash) {
        Objects.requireNonNull(password, "password");
        if (hash == null || password.length == 0) {
            return false;
        }
        Matcher m = FORMAT.matcher(hash);
        if (!m.matches()) {
            return false;
        }
        int iterations = Integer.parseInt(m.group(1));
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = DECODER.decode(m.group(2));
            expected = DECODER.decode(m.group(3));
        } catch (IllegalArgumentException badBase64) {
            return false;
        }
        if (salt.length == 0 || expected.length == 0) {
            return false;
        }
        return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations, expected.length));
    }

    /** Whether a valid hash string was made with fewer iterations than new hashes get. */
    public static boolean needsRehash(String hash) {
        Matcher m = hash == null ? null : FORMAT.matcher(hash);
        return m == null || !m.matches() || Integer.parseInt(m.group(1)) < ITERATIONS;
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
