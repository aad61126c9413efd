package dev.csms.device.configuration;

/** The outcome of a configuration request on one station. */
public enum ConfigurationStatus {
    /** The command was sent; no answer yet. */
    Pending,
    /** Set: applied. Read: the value is there. */
    Accepted,
    /** The station refused the value (or the read). */
    Rejected,
    /** Set, applies after a reboot. */
    RebootRequired,
    /** The station does not know or support the setting (1.6 unknown key, NotSupported, 2.x attribute type). */
    NotSupported,
    /** 2.x: the station has no such component. */
    UnknownComponent,
    /** 2.x: the component has no such variable. */
    UnknownVariable,
    /** The station was not connected (nothing sent, or the gateway found no connection). */
    Offline,
    /** The station did not answer in time. */
    Timeout,
    /** Anything else: a CallError, a full queue, a refused command; {@code detail} says which. */
    Failed;

    public boolean done() {
        return this != Pending;
    }
}
