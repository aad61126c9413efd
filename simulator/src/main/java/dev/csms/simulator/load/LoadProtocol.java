package dev.csms.simulator.load;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * The line protocol between a benchmark and a load generator ({@code simulator load}): the benchmark writes
 * commands on the generator's standard input, one per line; the generator answers on standard output with lines
 * {@code LOAD <event> key=value key=value ...} (values without spaces). Anything else the generator prints is
 * not part of the protocol. Latency histograms travel as HdrHistogram's compressed encoding in Base64, so that a
 * benchmark merges the generators' histograms exactly instead of averaging percentiles.
 *
 * <p>Commands: {@code connect <perSecond> <timeoutSeconds>}, {@code restart <timeoutSeconds>},
 * {@code off <timeoutSeconds>}, {@code on <timeoutSeconds>}, {@code traffic <action> <ratePerSecond> <seconds>},
 * {@code stats}, {@code quit}. Events: {@code ready}, {@code progress}, {@code booted}, {@code off},
 * {@code traffic}, {@code stats}, {@code error}, {@code bye}.
 */
public final class LoadProtocol {

    /** Every protocol line starts with this. */
    public static final String PREFIX = "LOAD ";

    private LoadProtocol() {
    }

    /** One protocol line: {@code LOAD event k=v ...}. */
    public static String line(String event, Map<String, ?> fields) {
        StringBuilder out = new StringBuilder(PREFIX).append(event);
        fields.forEach((key, value) -> {
            String text = String.valueOf(value);
            if (key.isEmpty() || key.contains("=") || key.contains(" ") || text.contains(" ") || text.contains("\n")) {
                throw new IllegalArgumentException("not a protocol field: " + key + "=" + text);
            }
            out.append(' ').append(key).append('=').append(text);
        });
        return out.toString();
    }

    /** The message of a protocol line; empty for any other line. */
    public static Optional<Message> parse(String line) {
        if (line == null || !line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = line.substring(PREFIX.length()).trim().split(" +");
        if (parts.length == 0 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                fields.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
        }
        return Optional.of(new Message(parts[0], Collections.unmodifiableMap(fields)));
    }

    /** A histogram as one protocol value. */
    public static String encode(Histogram histogram) {
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The histogram of {@link #encode}. */
    public static Histogram decode(String encoded) {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(encoded)), 0);
        } catch (DataFormatException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an encoded histogram: " + e.getMessage(), e);
        }
    }

    /**
     * One protocol line, parsed.
     *
     * @param event  what happened ({@code ready}, {@code booted}, {@code traffic}, ...)
     * @param fields its values
     */
    public record Message(String event, Map<String, String> fields) {

        /** A numeric field; 0 when absent. */
        public long number(String key) {
            String value = fields.get(key);
            return value == null ? 0 : Long.parseLong(value);
        }

        /** A text field; empty when absent. */
        public String text(String key) {
            return fields.getOrDefault(key, "");
        }

        /** A histogram field ({@link LoadProtocol#encode}). */
        public Histogram histogram(String key) {
            String value = fields.get(key);
            if (value == null) {
                throw new IllegalArgumentException("no histogram '" + key + "' in " + event);
            }
            return decode(value);
        }
    }
}
