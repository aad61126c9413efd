package dev.csms.ocpp.canonical;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A charging schedule (ChargingScheduleType). 2.x sales tariffs are not modelled; send those as a raw command.
 *
 * @param id               the schedule id (2.x; ignored by 1.6)
 * @param startSchedule    start of an Absolute schedule; null otherwise
 * @param duration         length in seconds; null for open-ended
 * @param chargingRateUnit unit of the limits
 * @param periods          the periods, at least one, ordered by start
 * @param minChargingRate  minimum rate the EV accepts; null when unknown
 */
public record ChargingSchedule(int id, Instant startSchedule, Integer duration, ChargingRateUnit chargingRateUnit,
        List<ChargingSchedulePeriod> periods, BigDecimal minChargingRate) {
    public ChargingSchedule {
        Objects.requireNonNull(chargingRateUnit, "chargingRateUnit");
        periods = List.copyOf(periods);
    }
}
