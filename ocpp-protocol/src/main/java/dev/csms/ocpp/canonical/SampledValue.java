package dev.csms.ocpp.canonical;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One normalized measurement.
 *
 * <p>Normalization: the unit is brought to its SI base unit (kWh to Wh, kW to W, kvarh to varh, kvar to var,
 * kVA to VA, kVAh to VAh, 1.6's misspelt Celcius to Celsius) and the value scaled with it, and with the 2.x
 * {@code unitOfMeasure.multiplier} (a power of ten); a missing unit is the OCPP default Wh, a missing measurand
 * {@link Measurand#ENERGY_ACTIVE_IMPORT_REGISTER}, a missing context {@link ReadingContext#SAMPLE_PERIODIC}, a
 * missing location {@link Location#Outlet}.
 *
 * @param value            the value in {@code unit}; null only when a 1.6 station sent signed data
 *                         ({@code format} SignedData) or a value that is not a number
 * @param measurand        what is measured
 * @param unit             the normalized unit, e.g. {@code Wh}, {@code W}, {@code A}, {@code V}, {@code Percent}
 * @param phase            the phase(s); null when not phase-specific
 * @param location         where it was measured
 * @param context          why it was sampled
 * @param signedMeterValue the signed reading; null when not signed
 */
public record SampledValue(BigDecimal value, Measurand measurand, String unit, Phase phase, Location location,
        ReadingContext context, SignedMeterValue signedMeterValue) {
    public SampledValue {
        Objects.requireNonNull(measurand, "measurand");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(context, "context");
    }
}
