package dev.csms.ocpp.canonical;

/**
 * Where a value was measured (LocationEnumType).
 */
public enum Location {
    /** Inside the station. */
    Body,
    /** In the cable. */
    Cable,
    /** In the vehicle. */
    EV,
    /** At the grid connection. */
    Inlet,
    /** At the connector (the default). */
    Outlet,
    /** Upstream of the station (2.1). */
    Upstream
}
