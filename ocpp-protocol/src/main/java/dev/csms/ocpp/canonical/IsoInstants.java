package dev.csms.ocpp.canonical;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 instants without {@code DateTimeFormatter} on the hot path. Parsing a timestamp with
 * {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} costs several microseconds (about a tenth of the gateway's CPU per
 * inbound message, measured with JFR in the notifications benchmark), formatting one with {@code ISO_INSTANT} about
 * as much; reading and writing the digits directly costs a few dozen nanoseconds.
 *
 * <ul>
 * <li>{@link #parseFast} reads {@code yyyy-MM-ddTHH:mm:ss[.fraction](Z|+hh:mm|-hh:mm)}, the form of nearly every
 * OCPP and event timestamp, and returns null for anything else (no seconds, no offset, an offset with seconds, more
 * than nine fraction digits, out-of-range fields), which the caller then parses with its formatter, accepting or
 * refusing exactly as before.</li>
 * <li>{@link #format} writes exactly what {@code Instant.toString()} ({@code ISO_INSTANT}) writes: UTC, the
 * fraction in groups of three digits as needed, {@code Z}.</li>
 * </ul>
 */
public final class IsoInstants {

    private static final long FIRST_SECOND_OF_YEAR_0 = -62_167_219_200L;
    private static final long LAST_SECOND_OF_YEAR_9999 = 253_402_300_799L;

    private IsoInstants() {
    }

    /** The instant, or null when the text is not in the fast form (the caller then uses the formatter). */
    public static Instant parseFast(String text) {
        int n = text.length();
        if (n < 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || !(text.charAt(10) == 'T'
                || text.charAt(10) == 't') || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (text.charAt(i) == '.') {
            int start = ++i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length == 0 || length > 9) {
                return null;
            }
            for (int k = start; k < i; k++) {
                nanos = nanos * 10 + (text.charAt(k) - '0');
            }
            for (int k = length; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i >= n) {
            return null;
        }
        int offsetSeconds;
        char sign = text.charAt(i);
        if (sign == 'Z' || sign == 'z') {
            if (i + 1 != n) {
                return null;
            }
            offsetSeconds = 0;
        } else if (sign == '+' || sign == '-') {
            if (n != i + 6 || text.charAt(i + 3) != ':') {
                return null;
            }
            int offsetHours = digits(text, i + 1, 2);
            int offsetMinutes = digits(text, i + 4, 2);
            if (offsetHours < 0 || offsetHours > 18 || offsetMinutes < 0 || offsetMinutes > 59
                    || (offsetHours == 18 && offsetMinutes > 0)) {
                return null;
            }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (sign == '-' ? -1 : 1);
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay(); // refuses February 30th and the like
        } catch (DateTimeException e) {
            return null;
        }
        long epochSecond = epochDay * 86_400L + hour * 3_600L + minute * 60L + second - offsetSeconds;
        return Instant.ofEpochSecond(epochSecond, nanos);
    }

    /**
     * An RFC 3339 date-time with an offset: {@link #parseFast} when it can, else {@code ISO_OFFSET_DATE_TIME}.
     *
     * @throws java.time.format.DateTimeParseException when the formatter refuses it
     */
    public static Instant parse(String text) {
        Instant fast = parseFast(text);
        return fast != null ? fast : OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** Exactly {@code instant.toString()}, without a formatter for the years 0000 to 9999. */
    public static String format(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond < FIRST_SECOND_OF_YEAR_0 || epochSecond > LAST_SECOND_OF_YEAR_9999) {
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        }
        long epochDay = Math.floorDiv(epochSecond, 86_400L);
        int secondOfDay = (int) Math.floorMod(epochSecond, 86_400L);
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        int year = date.getYear();
        int nanos = instant.getNano();
        char[] out = new char[30];
        int i = 0;
        i = put(out, i, year, 4);
        out[i++] = '-';
        i = put(out, i, date.getMonthValue(), 2);
        out[i++] = '-';
        i = put(out, i, date.getDayOfMonth(), 2);
        out[i++] = 'T';
        i = put(out, i, secondOfDay / 3600, 2);
        out[i++] = ':';
        i = put(out, i, secondOfDay / 60 % 60, 2);
        out[i++] = ':';
        i = put(out, i, secondOfDay % 60, 2);
        if (nanos != 0) {
            out[i++] = '.';
            if (nanos % 1_000_000 == 0) {
                i = put(out, i, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                i = put(out, i, nanos / 1_000, 6);
            } else {
                i = put(out, i, nanos, 9);
            }
        }
        out[i++] = 'Z';
        return new String(out, 0, i);
    }

    /** Writes value as count digits (zero-padded) at position i; returns the next position. */
    private static int put(char[] out, int i, int value, int count) {
        for (int k = i + count - 1; k >= i; k--) {
            out[k] = (char) ('0' + value % 10);
            value /= 10;
        }
        return i + count;
    }

    /** The non-negative number in text[from, from + count), or -1 when a character is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
