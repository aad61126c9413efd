package dev.csms.gateway.ws;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connection epochs: the wall-clock time of the connection in microseconds since 1970, raised to one more than
 * the last epoch handed out when the clock has not advanced (or went back). Within a replica epochs strictly
 * increase; across replicas they order connections by time, so a station that reconnects elsewhere gets a greater
 * epoch as long as the replicas' clocks differ by less than its reconnect time (NTP keeps them within
 * milliseconds; a reconnect takes longer). docs/gateway.md discusses the residual risk.
 */
public final class EpochClock {

    private final Clock clock;
    private final AtomicLong last = new AtomicLong();

    public EpochClock(Clock clock) {
        this.clock = clock;
    }

    /** A new epoch, greater than every epoch this instance returned before. */
    public long next() {
        Instant now = clock.instant();
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
        return last.accumulateAndGet(micros, (previous, candidate) -> Math.max(previous + 1, candidate));
    }
}
