-- The durable command ledger of platform-runtime (dev.csms.runtime.command.CommandLedger): one row per
-- command a service sent to a station, from submission to its result. Repeatable and idempotent like
-- R__csms_outbox.sql, so its version never collides with a service's own migrations; a later change is
-- an idempotent statement appended here (ALTER TABLE ... ADD COLUMN IF NOT EXISTS).

CREATE TABLE IF NOT EXISTS csms_command (
    command_id        TEXT        PRIMARY KEY,
    station_id        TEXT        NOT NULL,
    -- the OCPP action family: the StationCommand variant (Reset, ReserveNow, ...) or a RawCommand's action
    action            TEXT        NOT NULL,
    -- free text the service chooses, e.g. remote-start, reservation, firmware
    kind              TEXT        NOT NULL,
    -- what the command belongs to, e.g. a reservation or campaign id; NULL for none
    reference         TEXT,
    -- the canonical StationCommand as JSON (with its "type")
    request           JSONB       NOT NULL,
    requested_by      TEXT,
    -- Pending until the result: Answered|CallError|Timeout|QueueFull|StationOffline|ValidationFailed|Unsupported
    status            TEXT        NOT NULL DEFAULT 'Pending',
    -- the normalized CommandResponse when Answered; NULL otherwise
    response          JSONB,
    error_code        TEXT,
    error_description TEXT,
    created_at        TIMESTAMPTZ NOT NULL,
    deadline          TIMESTAMPTZ NOT NULL,
    completed_at      TIMESTAMPTZ
);

CREATE INDEX IF NOT EXISTS csms_command_station ON csms_command (station_id, created_at);
CREATE INDEX IF NOT EXISTS csms_command_reference ON csms_command (kind, reference) WHERE reference IS NOT NULL;
-- the sweep reads only what is still pending
CREATE INDEX IF NOT EXISTS csms_command_pending ON csms_command (deadline) WHERE status = 'Pending';
