package dev.csms.ocpp.adapter;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Brings a measured value to its SI base unit. OCPP 1.6 has prefixed units (kWh, kW, kvarh, ...), OCPP 2.x a free
 * unit string plus a power-of-ten multiplier; the canonical model carries only base units, so consumers never
 * have to ask which form a station used.
 */
final class Units {

    /** The OCPP default unit of a sampled value. */
    static final String DEFAULT_UNIT = "Wh";

    /** Prefixed units with their base unit; the prefix decides the power of ten. */
    private static final Map<String, String> BASE = Map.ofEntries(
            Map.entry("kWh", "Wh"), Map.entry("MWh", "Wh"),
            Map.entry("kW", "W"), Map.entry("MW", "W"),
            Map.entry("kvarh", "varh"), Map.entry("kvar", "var"),
            Map.entry("kVA", "VA"), Map.entry("kVAh", "VAh"),
            Map.entry("kV", "V"), Map.entry("kA", "A"), Map.entry("mA", "A"));

    private Units() {
    }

    /** A normalized value and its unit. */
    record Normalized(BigDecimal value, String unit) {
    }

    /**
     * @param value      the value as sent; null passes through (signed or unreadable values)
     * @param unit       the unit as sent; null means {@link #DEFAULT_UNIT}
     * @param multiplier the 2.x power-of-ten multiplier (0 for 1.6)
     */
    static Normalized normalize(BigDecimal value, String unit, int multiplier) {
        String given = unit == null ? DEFAULT_UNIT : unit;
        if ("Celcius".equals(given)) {
            // 1.6 schemas spell it both ways; the canonical model only knows the correct one.
            given = "Celsius";
        }
        String base = BASE.getOrDefault(given, given);
        int power = multiplier + (base.equals(given) ? 0 : prefixPower(given.charAt(0)));
        if (value == null) {
            return new Normalized(null, base);
        }
        BigDecimal scaled = value.scaleByPowerOfTen(power);
        // A negative scale would print as 1.25E+4 and compare unequal to 12500; keep plain integers plain.
        return new Normalized(scaled.scale() < 0 ? scaled.setScale(0) : scaled, base);
    }

    private static int prefixPower(char prefix) {
        return switch (prefix) {
            case 'k' -> 3;
            case 'M' -> 6;
            case 'm' -> -3;
            default -> throw new IllegalStateException("no power for prefix " + prefix);
        };
    }
}
