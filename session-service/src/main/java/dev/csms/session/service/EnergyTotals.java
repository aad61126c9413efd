package dev.csms.session.service;

import dev.csms.events.sessions.MeterAnomaly;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The energy of a session, from its energy register readings (Energy.Active.Import.Register, not phase-specific)
 * in the order they were sampled:
 *
 * <ul>
 * <li>the first reading is the baseline ({@code meterStart}); a reading of 0 is a reading like any other;</li>
 * <li>each increase over the previous reading is delivered energy;</li>
 * <li>a decrease is never counted: a fall to 0 is a {@link MeterAnomaly#MeterReset}, a fall to another value a
 *     {@link MeterAnomaly#RegisterDecreased}; counting continues from the new value, so the total is a lower bound
 *     and never negative.</li>
 * </ul>
 *
 * Computed from all readings each time, so readings that arrive out of order (offline backlogs) give the same total
 * as readings in order.
 *
 * @param meterStartWh the first reading; null when there is none
 * @param meterLastWh  the last reading; null when there is none
 * @param energyWh     the energy delivered, never negative
 * @param anomalies    what was wrong
 */
public record EnergyTotals(BigDecimal meterStartWh, BigDecimal meterLastWh, BigDecimal energyWh,
        Set<MeterAnomaly> anomalies) {

    /** The totals of register readings already in the order they were sampled. */
    public static EnergyTotals of(List<BigDecimal> registerReadings) {
        if (registerReadings.isEmpty()) {
            return new EnergyTotals(null, null, BigDecimal.ZERO, EnumSet.noneOf(MeterAnomaly.class));
        }
        Set<MeterAnomaly> anomalies = EnumSet.noneOf(MeterAnomaly.class);
        BigDecimal energy = BigDecimal.ZERO;
        BigDecimal previous = registerReadings.get(0);
        for (BigDecimal reading : registerReadings.subList(1, registerReadings.size())) {
            int compared = reading.compareTo(previous);
            if (compared >= 0) {
                energy = energy.add(reading.subtract(previous));
            } else if (reading.signum() == 0) {
                anomalies.add(MeterAnomaly.MeterReset);
            } else {
                anomalies.add(MeterAnomaly.RegisterDecreased);
            }
            previous = reading;
        }
        return new EnergyTotals(registerReadings.get(0), previous, energy, anomalies);
    }
}
