package dev.csms.events.sessions;

/** What ended a charging session. */
public enum SessionEnd {
    /** The station said so: 1.6 StopTransaction or 2.x TransactionEvent(Ended). */
    Station,
    /** It was stale and the station rebooted (BootNotification) without ending it. */
    StationRebooted,
    /** It was stale and its connector (or the whole station) reported Available. */
    ConnectorAvailable
}
