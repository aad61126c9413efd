package dev.csms.gateway.ws;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The station identity of an upgrade request: the last path segment of {@code /ocpp/{stationId}}, percent-decoded
 * and checked.
 *
 * <p>Allowed: 1 to {@code maxLength} characters of OCPP 2.x {@code identifierString} ({@code a-z A-Z 0-9 * - _ = + |
 * @ .}) except the colon, which the set also has: the identity is the HTTP Basic user name, and a user name with a
 * colon cannot be sent (RFC 7617). 1.6 has no rule of its own; the same one applies. Anything else (an empty
 * segment, a slash, a second segment, malformed percent-encoding, invalid UTF-8, other characters) is refused.
 */
public final class StationIdentity {

    /** Where the station endpoint lives; the identity is the rest of the path. */
    public static final String PATH_PREFIX = "/ocpp/";

    private StationIdentity() {
    }

    /** The decoded identity, or why it is refused. */
    public sealed interface Result permits Valid, Invalid {
    }

    /** A valid identity. */
    public record Valid(String stationId) implements Result {
    }

    /** A refused identity, with a reason for the HTTP response (never echoes more than a short excerpt). */
    public record Invalid(String reason) implements Result {
    }

    /**
     * Reads the identity from a raw (still percent-encoded) request path.
     *
     * @param rawPath   the path as sent, e.g. {@code /ocpp/CS%2D1}
     * @param maxLength longest identity accepted
     */
    public static Result fromPath(String rawPath, int maxLength) {
        if (rawPath == null || !rawPath.startsWith(PATH_PREFIX)) {
            return new Invalid("the station endpoint is " + PATH_PREFIX + "{stationId}");
        }
        String segment = rawPath.substring(PATH_PREFIX.length());
        if (segment.isEmpty()) {
            return new Invalid("the station identity is missing: connect to " + PATH_PREFIX + "{stationId}");
        }
        if (segment.indexOf('/') >= 0) {
            return new Invalid("the station identity must be a single path segment");
        }
        // a raw segment longer than 3 bytes per allowed character cannot decode to an allowed identity
        if (segment.length() > maxLength * 3) {
            return new Invalid("the station identity is longer than " + maxLength + " characters");
        }
        String decoded;
        try {
            decoded = percentDecode(segment);
        } catch (IllegalArgumentException e) {
            return new Invalid("the station identity is not valid percent-encoded UTF-8: " + e.getMessage());
        }
        return validate(decoded, maxLength);
    }

    /** Checks an already decoded identity. */
    public static Result validate(String identity, int maxLength) {
        if (identity.isEmpty()) {
            return new Invalid("the station identity is empty");
        }
        if (identity.length() > maxLength) {
            return new Invalid("the station identity is longer than " + maxLength + " characters");
        }
        for (int i = 0; i < identity.length(); i++) {
            char c = identity.charAt(i);
            if (!isAllowed(c)) {
                return new Invalid("the station identity contains '" + printable(c) + "' at position " + (i + 1)
                        + "; allowed are a-z A-Z 0-9 * - _ = + | @ .");
            }
        }
        return new Valid(identity);
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '*' || c == '-' || c == '_' || c == '=' || c == '+' || c == '|' || c == '@' || c == '.';
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }

    /** RFC 3986 percent-decoding to UTF-8; '+' stays '+' (it means a space only in form bodies). */
    static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) {
                    throw new IllegalArgumentException("truncated escape at position " + (i + 1));
                }
                int high = Character.digit(segment.charAt(i + 1), 16);
                int low = Character.digit(segment.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new IllegalArgumentException("malformed escape at position " + (i + 1));
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                throw new IllegalArgumentException("raw non-ASCII character at position " + (i + 1));
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the escapes are not UTF-8");
        }
    }
}
