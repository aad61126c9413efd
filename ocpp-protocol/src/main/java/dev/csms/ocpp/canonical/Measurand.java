package dev.csms.ocpp.canonical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a sampled value measures: the union of the OCPP 1.6, 2.0.1 and 2.1 measurands (1.6 adds
 * {@code Temperature} and {@code RPM}). When a station omits the measurand, the adapters fill in the OCPP default
 * {@link #ENERGY_ACTIVE_IMPORT_REGISTER}.
 */
public enum Measurand {
    /** {@code Current.Export} */
    CURRENT_EXPORT("Current.Export"),
    /** {@code Current.Export.Offered} */
    CURRENT_EXPORT_OFFERED("Current.Export.Offered"),
    /** {@code Current.Export.Minimum} */
    CURRENT_EXPORT_MINIMUM("Current.Export.Minimum"),
    /** {@code Current.Import} */
    CURRENT_IMPORT("Current.Import"),
    /** {@code Current.Import.Offered} */
    CURRENT_IMPORT_OFFERED("Current.Import.Offered"),
    /** {@code Current.Import.Minimum} */
    CURRENT_IMPORT_MINIMUM("Current.Import.Minimum"),
    /** {@code Current.Offered} */
    CURRENT_OFFERED("Current.Offered"),
    /** {@code Display.PresentSOC} */
    DISPLAY_PRESENT_SOC("Display.PresentSOC"),
    /** {@code Display.MinimumSOC} */
    DISPLAY_MINIMUM_SOC("Display.MinimumSOC"),
    /** {@code Display.TargetSOC} */
    DISPLAY_TARGET_SOC("Display.TargetSOC"),
    /** {@code Display.MaximumSOC} */
    DISPLAY_MAXIMUM_SOC("Display.MaximumSOC"),
    /** {@code Display.RemainingTimeToMinimumSOC} */
    DISPLAY_REMAINING_TIME_TO_MINIMUM_SOC("Display.RemainingTimeToMinimumSOC"),
    /** {@code Display.RemainingTimeToTargetSOC} */
    DISPLAY_REMAINING_TIME_TO_TARGET_SOC("Display.RemainingTimeToTargetSOC"),
    /** {@code Display.RemainingTimeToMaximumSOC} */
    DISPLAY_REMAINING_TIME_TO_MAXIMUM_SOC("Display.RemainingTimeToMaximumSOC"),
    /** {@code Display.ChargingComplete} */
    DISPLAY_CHARGING_COMPLETE("Display.ChargingComplete"),
    /** {@code Display.BatteryEnergyCapacity} */
    DISPLAY_BATTERY_ENERGY_CAPACITY("Display.BatteryEnergyCapacity"),
    /** {@code Display.InletHot} */
    DISPLAY_INLET_HOT("Display.InletHot"),
    /** {@code Energy.Active.Export.Interval} */
    ENERGY_ACTIVE_EXPORT_INTERVAL("Energy.Active.Export.Interval"),
    /** {@code Energy.Active.Export.Register} */
    ENERGY_ACTIVE_EXPORT_REGISTER("Energy.Active.Export.Register"),
    /** {@code Energy.Active.Import.Interval} */
    ENERGY_ACTIVE_IMPORT_INTERVAL("Energy.Active.Import.Interval"),
    /** {@code Energy.Active.Import.Register} */
    ENERGY_ACTIVE_IMPORT_REGISTER("Energy.Active.Import.Register"),
    /** {@code Energy.Active.Import.CableLoss} */
    ENERGY_ACTIVE_IMPORT_CABLE_LOSS("Energy.Active.Import.CableLoss"),
    /** {@code Energy.Active.Import.LocalGeneration.Register} */
    ENERGY_ACTIVE_IMPORT_LOCAL_GENERATION_REGISTER("Energy.Active.Import.LocalGeneration.Register"),
    /** {@code Energy.Active.Net} */
    ENERGY_ACTIVE_NET("Energy.Active.Net"),
    /** {@code Energy.Active.Setpoint.Interval} */
    ENERGY_ACTIVE_SETPOINT_INTERVAL("Energy.Active.Setpoint.Interval"),
    /** {@code Energy.Apparent.Export} */
    ENERGY_APPARENT_EXPORT("Energy.Apparent.Export"),
    /** {@code Energy.Apparent.Import} */
    ENERGY_APPARENT_IMPORT("Energy.Apparent.Import"),
    /** {@code Energy.Apparent.Net} */
    ENERGY_APPARENT_NET("Energy.Apparent.Net"),
    /** {@code Energy.Reactive.Export.Interval} */
    ENERGY_REACTIVE_EXPORT_INTERVAL("Energy.Reactive.Export.Interval"),
    /** {@code Energy.Reactive.Export.Register} */
    ENERGY_REACTIVE_EXPORT_REGISTER("Energy.Reactive.Export.Register"),
    /** {@code Energy.Reactive.Import.Interval} */
    ENERGY_REACTIVE_IMPORT_INTERVAL("Energy.Reactive.Import.Interval"),
    /** {@code Energy.Reactive.Import.Register} */
    ENERGY_REACTIVE_IMPORT_REGISTER("Energy.Reactive.Import.Register"),
    /** {@code Energy.Reactive.Net} */
    ENERGY_REACTIVE_NET("Energy.Reactive.Net"),
    /** {@code EnergyRequest.Target} */
    ENERGY_REQUEST_TARGET("EnergyRequest.Target"),
    /** {@code EnergyRequest.Minimum} */
    ENERGY_REQUEST_MINIMUM("EnergyRequest.Minimum"),
    /** {@code EnergyRequest.Maximum} */
    ENERGY_REQUEST_MAXIMUM("EnergyRequest.Maximum"),
    /** {@code EnergyRequest.Minimum.V2X} */
    ENERGY_REQUEST_MINIMUM_V2X("EnergyRequest.Minimum.V2X"),
    /** {@code EnergyRequest.Maximum.V2X} */
    ENERGY_REQUEST_MAXIMUM_V2X("EnergyRequest.Maximum.V2X"),
    /** {@code EnergyRequest.Bulk} */
    ENERGY_REQUEST_BULK("EnergyRequest.Bulk"),
    /** {@code Frequency} */
    FREQUENCY("Frequency"),
    /** {@code Power.Active.Export} */
    POWER_ACTIVE_EXPORT("Power.Active.Export"),
    /** {@code Power.Active.Import} */
    POWER_ACTIVE_IMPORT("Power.Active.Import"),
    /** {@code Power.Active.Setpoint} */
    POWER_ACTIVE_SETPOINT("Power.Active.Setpoint"),
    /** {@code Power.Active.Residual} */
    POWER_ACTIVE_RESIDUAL("Power.Active.Residual"),
    /** {@code Power.Export.Minimum} */
    POWER_EXPORT_MINIMUM("Power.Export.Minimum"),
    /** {@code Power.Export.Offered} */
    POWER_EXPORT_OFFERED("Power.Export.Offered"),
    /** {@code Power.Factor} */
    POWER_FACTOR("Power.Factor"),
    /** {@code Power.Import.Offered} */
    POWER_IMPORT_OFFERED("Power.Import.Offered"),
    /** {@code Power.Import.Minimum} */
    POWER_IMPORT_MINIMUM("Power.Import.Minimum"),
    /** {@code Power.Offered} */
    POWER_OFFERED("Power.Offered"),
    /** {@code Power.Reactive.Export} */
    POWER_REACTIVE_EXPORT("Power.Reactive.Export"),
    /** {@code Power.Reactive.Import} */
    POWER_REACTIVE_IMPORT("Power.Reactive.Import"),
    /** {@code SoC} */
    SOC("SoC"),
    /** {@code Voltage} */
    VOLTAGE("Voltage"),
    /** {@code Voltage.Minimum} */
    VOLTAGE_MINIMUM("Voltage.Minimum"),
    /** {@code Voltage.Maximum} */
    VOLTAGE_MAXIMUM("Voltage.Maximum"),
    /** {@code Temperature} */
    TEMPERATURE("Temperature"),
    /** {@code RPM} */
    RPM("RPM");

    private static final Map<String, Measurand> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Measurand::ocppName, Function.identity()));

    private final String ocppName;

    Measurand(String ocppName) {
        this.ocppName = ocppName;
    }

    /** The name as OCPP and the JSON of the events write it, e.g. {@code Current.Export}. */
    @JsonValue
    public String ocppName() {
        return ocppName;
    }

    /** The constant for an OCPP name, empty when the name is unknown. */
    public static Optional<Measurand> fromOcpp(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    @JsonCreator
    static Measurand fromJson(String name) {
        return fromOcpp(name).orElseThrow(() -> new IllegalArgumentException("unknown Measurand: " + name));
    }
}
