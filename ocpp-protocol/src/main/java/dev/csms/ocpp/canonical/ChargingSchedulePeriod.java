package dev.csms.ocpp.canonical;

import java.math.BigDecimal;

/**
 * One period of a charging schedule.
 *
 * @param startPeriod  seconds from the start of the schedule
 * @param limit        the limit in the schedule's rate unit (1.6 allows one decimal: more decimals are rounded down);
 *                     null when a 2.1 period sets no limit (2.1 made it optional: such a period carries setpoints or
 *                     discharge limits, which the canonical model does not carry). 1.6 and 2.0.1 require a limit,
 *                     so a command with such a period is unsupported there
 * @param numberPhases number of phases to use; null for the default (3 on AC)
 * @param phaseToUse   the phase to use when {@code numberPhases} is 1 (2.x only; dropped for 1.6); null for any
 */
public record ChargingSchedulePeriod(int startPeriod, BigDecimal limit, Integer numberPhases, Integer phaseToUse) {
}
