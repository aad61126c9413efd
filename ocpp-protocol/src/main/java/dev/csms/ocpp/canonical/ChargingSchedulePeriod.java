package dev.csms.ocpp.canonical;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One period of a charging schedule.
 *
 * @param startPeriod  seconds from the start of the schedule
 * @param limit        the limit in the schedule's rate unit (1.6 allows one decimal: more decimals are rounded down)
 * @param numberPhases number of phases to use; null for the default (3 on AC)
 * @param phaseToUse   the phase to use when {@code numberPhases} is 1 (2.x only; dropped for 1.6); null for any
 */
public record ChargingSchedulePeriod(int startPeriod, BigDecimal limit, Integer numberPhases, Integer phaseToUse) {
    public ChargingSchedulePeriod {
        Objects.requireNonNull(limit, "limit");
    }
}
