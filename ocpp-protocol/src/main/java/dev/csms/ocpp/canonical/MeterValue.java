package dev.csms.ocpp.canonical;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The values sampled at one moment (MeterValueType).
 *
 * @param timestamp     when they were sampled
 * @param sampledValues the normalized values, at least one
 */
public record MeterValue(Instant timestamp, List<SampledValue> sampledValues) {
    public MeterValue {
        Objects.requireNonNull(timestamp, "timestamp");
        sampledValues = List.copyOf(sampledValues);
    }
}
