package dev.csms.simulator.station.messages;

import java.time.Instant;
import java.util.List;

/**
 * What a connector's meter shows at one instant, and which measurands to report. Taken when the event happens,
 * rendered per version.
 *
 * @param timestamp  when
 * @param energyWh   the Energy.Active.Import.Register, Wh
 * @param powerW     the Power.Active.Import, W
 * @param soc        the EV's state of charge, percent, or null without an EV
 * @param measurands the measurands to report (from the station's configuration)
 * @param context    the ReadingContext (Transaction.Begin, Sample.Periodic, Transaction.End, Trigger)
 */
public record MeterReading(Instant timestamp, double energyWh, double powerW, Double soc, List<String> measurands,
        String context) {

    /** The measurands the simulator can report. */
    public static final List<String> SUPPORTED = List.of("Energy.Active.Import.Register", "Power.Active.Import",
            "SoC", "Current.Import", "Voltage");

    /** The value of a measurand, or null if it cannot be reported (SoC without an EV, unknown measurand). */
    Double value(String measurand) {
        return switch (measurand) {
            case "Energy.Active.Import.Register" -> (double) Math.round(Math.floor(energyWh));
            case "Power.Active.Import" -> (double) Math.round(powerW);
            case "SoC" -> soc == null ? null : (double) Math.round(Math.floor(soc));
            case "Current.Import" -> Math.round(powerW / (230.0 * 3) * 10) / 10.0;
            case "Voltage" -> 230.0;
            default -> null;
        };
    }

    /** The 1.6 unit (UnitOfMeasure enum) of a measurand. */
    static String unit(String measurand) {
        return switch (measurand) {
            case "Energy.Active.Import.Register" -> "Wh";
            case "Power.Active.Import" -> "W";
            case "SoC" -> "Percent";
            case "Current.Import" -> "A";
            case "Voltage" -> "V";
            default -> throw new IllegalArgumentException(measurand);
        };
    }
}
