package dev.csms.runtime.outbox;

/** A row read from the outbox table. */
record OutboxRow(long id, OutboxRecord record) {
}
