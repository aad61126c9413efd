package dev.csms.simulator.station;

/**
 * What a connector is doing, in the detail OCPP 1.6 reports it; 2.x folds the session states into Occupied.
 */
public enum ConnectorStatus {
    /** Free for a new EV. */
    AVAILABLE("Available", "Available"),
    /** EV plugged in (or remote start accepted), transaction not started yet. */
    PREPARING("Preparing", "Occupied"),
    /** Energy flows. */
    CHARGING("Charging", "Occupied"),
    /** The EV takes no energy (full). */
    SUSPENDED_EV("SuspendedEV", "Occupied"),
    /** The station offers no energy (limit 0). */
    SUSPENDED_EVSE("SuspendedEVSE", "Occupied"),
    /** Transaction ended, EV still plugged in. */
    FINISHING("Finishing", "Occupied"),
    /** Reserved for an id tag. */
    RESERVED("Reserved", "Reserved"),
    /** Set Inoperative by the CSMS. */
    UNAVAILABLE("Unavailable", "Unavailable"),
    /** Out of order. */
    FAULTED("Faulted", "Faulted");

    private final String v16;
    private final String v2;

    ConnectorStatus(String v16, String v2) {
        this.v16 = v16;
        this.v2 = v2;
    }

    /** The 1.6 ChargePointStatus. */
    public String v16() {
        return v16;
    }

    /** The 2.x ConnectorStatusEnumType. */
    public String v2() {
        return v2;
    }
}
