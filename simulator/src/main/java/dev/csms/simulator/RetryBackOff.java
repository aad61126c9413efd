package dev.csms.simulator;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The reconnect rules of OCPP 2.0.1 (part 4 section 5.3 "Reconnecting", device model variables
 * {@code OCPPCommCtrlr.RetryBackOffWaitMinimum}, {@code RetryBackOffRandomRange}, {@code RetryBackOffRepeatTimes}),
 * applied by the simulator to stations of every version.
 *
 * <p>The first reconnection attempt comes after {@code waitMinimum} plus a random value of at most
 * {@code randomRange}. After every failed attempt the previous back-off time doubles, at most
 * {@code repeatTimes} times, and a new random value is added each time; after that the last back-off time is
 * kept. So attempt {@code n} (0 = the first reconnection) waits
 * {@code waitMinimum * 2^min(n, repeatTimes) + random(0..randomRange)}.
 *
 * @param waitMinimum the back-off time of the first attempt
 * @param randomRange the largest random value added to every attempt
 * @param repeatTimes how many times the back-off time doubles
 */
public record RetryBackOff(Duration waitMinimum, Duration randomRange, int repeatTimes) {

    /** Defaults: 10 s minimum, up to 10 s random, doubling 3 times (so 10, 20, 40, 80, 80, ... s plus jitter). */
    public static final RetryBackOff DEFAULT = new RetryBackOff(Duration.ofSeconds(10), Duration.ofSeconds(10), 3);

    /** Rejects negative values. */
    public RetryBackOff {
        Objects.requireNonNull(waitMinimum, "waitMinimum");
        Objects.requireNonNull(randomRange, "randomRange");
        if (waitMinimum.isNegative() || randomRange.isNegative() || repeatTimes < 0) {
            throw new IllegalArgumentException("RetryBackOff values must not be negative: " + waitMinimum + ", "
                    + randomRange + ", " + repeatTimes);
        }
    }

    /** The back-off time of attempt {@code attempt} (0 = first reconnection) without the random part. */
    public Duration baseDelay(int attempt) {
        int doublings = Math.min(Math.max(attempt, 0), repeatTimes);
        // a long shift cannot overflow for the repeat counts anyone configures (capped at 30 for safety)
        return waitMinimum.multipliedBy(1L << Math.min(doublings, 30));
    }

    /** The back-off time of attempt {@code attempt}, with a random value of at most {@code randomRange} added. */
    public Duration delay(int attempt, RandomGenerator random) {
        long rangeMillis = randomRange.toMillis();
        long jitter = rangeMillis == 0 ? 0 : random.nextLong(rangeMillis + 1);
        return baseDelay(attempt).plusMillis(jitter);
    }
}
