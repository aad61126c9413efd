package dev.csms.ocpp.canonical;

/**
 * Kind of SendLocalList update.
 */
public enum UpdateType {
    /** Apply the entries to the current list. */
    Differential,
    /** Replace the list. */
    Full
}
