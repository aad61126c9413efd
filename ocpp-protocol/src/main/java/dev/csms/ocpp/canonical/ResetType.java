package dev.csms.ocpp.canonical;

/**
 * Normalized reset request. OCPP 1.6 knows Soft and Hard, 2.x Immediate and OnIdle (2.1 also
 * ImmediateAndResume). Mapping: {@link #Immediate} is 1.6 Soft (both stop transactions, then restart) and 2.x
 * Immediate; {@link #Hard} is 1.6 Hard and 2.x Immediate; {@link #OnIdle} has no 1.6 equivalent.
 */
public enum ResetType {
    /** Stop transactions and restart now (1.6 Soft, 2.x Immediate). */
    Immediate,
    /** Restart when no transaction is running (2.x only). */
    OnIdle,
    /** Restart now and resume transactions afterwards (2.1 only). */
    ImmediateAndResume,
    /** Restart hardware now (1.6 Hard; 2.x Immediate). */
    Hard
}
