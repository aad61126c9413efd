package dev.csms.ocpp.canonical;

/**
 * Lifecycle step of a transaction (2.x TransactionEventEnumType). 1.6 StartTransaction is
 * {@link #Started}, MeterValues with a transactionId is {@link #Updated}, StopTransaction is {@link #Ended}.
 */
public enum TransactionEventType {
    /** The first event of a transaction. */
    Started,
    /** An event during the transaction. */
    Updated,
    /** The last event of a transaction. */
    Ended
}
