package dev.csms.ocpp.canonical;

import java.time.Instant;
import java.util.List;

/**
 * The schedule a station computed from all its profiles, as returned by GetCompositeSchedule.
 *
 * @param evseId           the EVSE (1.6: the connector id)
 * @param duration         length in seconds (1.6: null when the station did not say)
 * @param scheduleStart    start of the schedule (1.6: null when the station did not say)
 * @param chargingRateUnit unit of the limits
 * @param periods          the periods
 */
public record CompositeSchedule(int evseId, Integer duration, Instant scheduleStart, ChargingRateUnit chargingRateUnit,
        List<ChargingSchedulePeriod> periods) {
    public CompositeSchedule {
        periods = periods == null ? List.of() : List.copyOf(periods);
    }
}
