package dev.csms.ocpp.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast parse agrees with {@code ISO_OFFSET_DATE_TIME} wherever it answers and steps aside elsewhere; the fast
 * format writes exactly {@code Instant.toString()}; the canonical mapper reads and writes instants as before.
 */
class IsoInstantsTest {

    @Test
    void agreesWithTheFormatterOnRandomInstantsInEveryFastForm() {
        Random random = new Random(42);
        List<ZoneOffset> offsets = List.of(ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30),
                ZoneOffset.ofHoursMinutes(-9, -45), ZoneOffset.ofHours(14), ZoneOffset.ofHours(-12));
        List<String> fractions = List.of("", ".1", ".12", ".123", ".123456", ".123456789", ".000");
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(0, 4_102_444_800L)); // 1970 .. 2100
            ZoneOffset offset = offsets.get(random.nextInt(offsets.size()));
            String base = OffsetDateTime.ofInstant(instant, offset).format(DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd'T'HH:mm:ss"));
            String fraction = fractions.get(random.nextInt(fractions.size()));
            String zone = offset.equals(ZoneOffset.UTC) && random.nextBoolean() ? "Z" : offset.getId()
                    .replace("Z", "+00:00");
            String text = base + fraction + zone;
            Instant expected = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            assertThat(IsoInstants.parseFast(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void lowerCaseSeparatorsAreReadAsTheFormatterReadsThem() {
        assertThat(IsoInstants.parseFast("2026-12-07t02:30:00.5z")).isEqualTo(Instant.parse("2026-12-07T02:30:00.500Z"));
        assertThat(OffsetDateTime.parse("2026-12-07t02:30:00.5z", DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant())
                .isEqualTo(Instant.parse("2026-12-07T02:30:00.500Z"));
    }

    @Test
    void anythingElseIsLeftToTheFormatter() {
        for (String text : List.of("2026-12-07T02:30Z", "2026-12-07T02:30:00", "2026-12-07T02:30:00+01:00:30",
                "2026-12-07T02:30:00.1234567891Z", "2026-02-30T02:30:00Z", "2026-13-07T02:30:00Z",
                "2026-12-07T24:00:00Z", "2026-12-07T02:60:00Z", "2026-12-07T02:30:60Z", "2026-12-07T02:30:00.Z",
                "2026-12-07 02:30:00Z", "2026-12-07T02:30:00+1:00", "2026-12-07T02:30:00Zx", "+12026-12-07T02:30:00Z",
                "2026-12-07T02:30:00+19:00", "2026-12-07T02:30:00+18:30", "abcd-12-07T02:30:00Z", "")) {
            assertThat(IsoInstants.parseFast(text)).as(text).isNull();
        }
    }

    @Test
    void formatWritesExactlyWhatInstantToStringWrites() {
        Random random = new Random(7);
        List<Integer> nanos = List.of(0, 500_000_000, 123_000_000, 123_456_000, 123_456_789, 1, 999_999_999, 1_000);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    nanos.get(random.nextInt(nanos.size()))); // the years 0001 to 9999
            assertThat(IsoInstants.format(instant)).isEqualTo(instant.toString());
        }
        for (Instant edge : List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("-0001-06-01T00:00:00Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN, Instant.MAX)) {
            assertThat(IsoInstants.format(edge)).isEqualTo(edge.toString());
        }
    }

    record Stamped(Instant at) {
    }

    @Test
    void theCanonicalMapperWritesAndReadsInstantsAsBefore() throws Exception {
        var fast = CanonicalJson.mapper();
        var before = com.fasterxml.jackson.databind.json.JsonMapper.builder()
                .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(com.fasterxml.jackson.databind.DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
        for (Instant at : List.of(Instant.parse("2026-12-07T02:30:00Z"), Instant.parse("2026-12-07T02:30:00.123Z"),
                Instant.parse("2026-12-07T02:30:00.123456789Z"))) {
            assertThat(fast.writeValueAsString(new Stamped(at))).isEqualTo(before.writeValueAsString(new Stamped(at)));
        }
        for (String json : List.of("{\"at\":\"2026-12-07T02:30:00Z\"}", "{\"at\":\"2026-12-07T03:30:00.5+01:00\"}",
                "{\"at\":\"2026-12-07T02:30:00.000000001Z\"}", "{\"at\":1765074600}")) {
            assertThat(fast.readValue(json, Stamped.class)).as(json).isEqualTo(before.readValue(json, Stamped.class));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> fast.readValue("{\"at\":\"not a time\"}", Stamped.class))
                .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class);
    }
}
