package dev.csms.simulator.connection;

/** How a station CALL is queued and when it may go out. */
public enum CallKind {
    /** BootNotification: the only CALL a station sends before the CSMS accepted it. */
    BOOT,
    /**
     * A CALL the CSMS asked for (a report, a triggered message, a firmware or log status): sent even while the
     * boot is Pending, dropped while off line.
     */
    REQUESTED,
    /** Any other CALL (heartbeat, status, authorize, ...): only once Accepted; dropped while off line. */
    NORMAL,
    /**
     * A transaction message (1.6 Start/StopTransaction and transaction MeterValues, 2.x TransactionEvent): only
     * once Accepted, kept in order while off line and retried when the CSMS fails it.
     */
    TRANSACTION
}
