package dev.csms.gateway.ws;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class EpochClockTest {

    @Test
    void epochsAreMicrosecondsAndStrictlyIncreaseEvenWhenTheClockStands() {
        Instant now = Instant.parse("2025-03-14T09:31:12.250123456Z");
        EpochClock epochs = new EpochClock(Clock.fixed(now, ZoneOffset.UTC));
        long first = epochs.next();
        assertThat(first).isEqualTo(now.getEpochSecond() * 1_000_000 + 250_123);
        assertThat(epochs.next()).isEqualTo(first + 1);
        assertThat(epochs.next()).isEqualTo(first + 2);
    }

    @Test
    void aClockThatGoesBackDoesNotLowerTheEpoch() {
        MutableClock clock = new MutableClock(Instant.parse("2025-03-14T09:31:12Z"));
        EpochClock epochs = new EpochClock(clock);
        long first = epochs.next();
        clock.now = clock.now.minusSeconds(5);
        assertThat(epochs.next()).isGreaterThan(first);
        clock.now = clock.now.plusSeconds(60);
        assertThat(epochs.next()).isEqualTo(clock.now.getEpochSecond() * 1_000_000);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
