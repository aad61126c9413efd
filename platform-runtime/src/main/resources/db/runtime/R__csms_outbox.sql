-- The transactional outbox of platform-runtime (dev.csms.runtime.outbox).
-- A repeatable migration written to be idempotent: Flyway runs it after the service's own versioned
-- migrations (V1, V2, ...) and whenever this file changes, so its version never collides with theirs.
-- A later change to the table is an idempotent statement appended here (ALTER TABLE ... IF NOT EXISTS).

CREATE TABLE IF NOT EXISTS csms_outbox (
    -- insertion order: the relay publishes in this order
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic      TEXT        NOT NULL,
    -- the Kafka record key (the station id); NULL for an unkeyed record
    record_key TEXT,
    -- the Kafka record value; NULL for a tombstone
    payload    BYTEA,
    -- the Kafka headers in order: [{"key": "ce_id", "value": "<base64>"}, ...]
    headers    JSONB       NOT NULL DEFAULT '[]'::jsonb,
    created_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- Wakes the relay when a transaction that wrote to the outbox commits (NOTIFY is delivered at commit,
-- and never for a rolled-back transaction). The payload names the table, since services may share a
-- database with one schema each.
CREATE OR REPLACE FUNCTION csms_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('csms_outbox', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME);
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS csms_outbox_notify ON csms_outbox;
CREATE TRIGGER csms_outbox_notify AFTER INSERT ON csms_outbox
    FOR EACH STATEMENT EXECUTE FUNCTION csms_outbox_notify();
