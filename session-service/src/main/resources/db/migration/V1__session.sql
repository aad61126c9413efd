-- The token registry: who may charge. value_key is the upper-case value (OCPP id tokens are case-insensitive);
-- a 1.6 idTag (type Central) matches a token of any type by value_key.
create table id_token (
    id                       bigint generated always as identity primary key,
    value                    varchar(255) not null,
    value_key                varchar(255) not null,
    type                     varchar(20)  not null,
    other_type               varchar(50),
    status                   varchar(20)  not null,
    expires_at               timestamp with time zone,
    group_value              varchar(255),
    group_type               varchar(20),
    group_key                varchar(255),
    allowed_stations         text,
    max_concurrent_sessions  integer      not null check (max_concurrent_sessions >= 1),
    created_at               timestamp with time zone not null,
    updated_at               timestamp with time zone not null,
    constraint id_token_value_type unique (value_key, type)
);
create index id_token_group on id_token (group_key);
create index id_token_status on id_token (status);

-- 1.6 transaction ids: a platform-wide integer (OCPP 1.6 transactionId is an integer).
create sequence transaction_number as integer start with 1 no cycle;

-- A charging session: one station transaction. started_at is null only for an orphan (its start never seen).
create table charging_session (
    id                    uuid         primary key,
    station_id            varchar(48)  not null,
    transaction_id        varchar(64)  not null,
    ocpp_version          varchar(8)   not null,
    start_key             varchar(700),
    evse_id               integer,
    connector_id          integer,
    id_token_value        varchar(255),
    id_token_type         varchar(20),
    id_token_other_type   varchar(50),
    id_token_key          varchar(255),
    group_value           varchar(255),
    group_type            varchar(20),
    group_key             varchar(255),
    auth_status           varchar(20),
    status                varchar(8)   not null,
    orphan                boolean      not null,
    start_seen            boolean      not null,
    started_at            timestamp with time zone,
    ended_at              timestamp with time zone,
    ended_by              varchar(20),
    stopped_reason        varchar(30),
    charging_state        varchar(16),
    remote_start_id       integer,
    reservation_id        integer,
    meter_start_wh        numeric,
    meter_last_wh         numeric,
    energy_wh             numeric      not null,
    meter_anomalies       varchar(64),
    last_event_at         timestamp with time zone not null,
    last_seen_at          timestamp with time zone not null,
    version               bigint       not null,
    update_published_at   timestamp with time zone,
    created_at            timestamp with time zone not null,
    constraint charging_session_transaction unique (station_id, transaction_id),
    constraint charging_session_start unique (station_id, start_key)
);
create index charging_session_active_token on charging_session (id_token_key) where status = 'Active';
create index charging_session_active_group on charging_session (group_key) where status = 'Active';
create index charging_session_station_evse on charging_session (station_id, evse_id, status);
create index charging_session_stale_sweep on charging_session (last_seen_at) where status = 'Active';
create index charging_session_started on charging_session (started_at);

-- The transaction steps seen, for deduplication by content: (transaction, seqNo, eventType).
create table transaction_step (
    session_id   uuid        not null references charging_session (id) on delete cascade,
    seq_no       bigint      not null,
    event_type   varchar(8)  not null,
    received_at  timestamp with time zone not null,
    primary key (session_id, seq_no, event_type)
);

-- Every sampled value linked to a session; phase '' when not phase-specific (so that the key is unique).
create table meter_reading (
    id           bigint generated always as identity primary key,
    session_id   uuid         not null references charging_session (id) on delete cascade,
    sampled_at   timestamp with time zone not null,
    measurand    varchar(64)  not null,
    phase        varchar(8)   not null,
    location     varchar(8)   not null,
    context      varchar(24)  not null,
    unit         varchar(16)  not null,
    value        numeric,
    signed       boolean      not null,
    constraint meter_reading_content unique (session_id, sampled_at, measurand, phase, location)
);

-- Local authorization list versions per station: the last version sent and the last one the station confirmed.
create table local_list (
    station_id         varchar(48) primary key,
    issued_version     integer     not null,
    confirmed_version  integer     not null,
    reported_version   integer,
    reported_at        timestamp with time zone,
    updated_at         timestamp with time zone not null
);

-- Commands session-service sent about local authorization (SendLocalList, GetLocalListVersion, ClearCache).
create table authorization_command (
    command_id      uuid         primary key,
    station_id      varchar(48)  not null,
    action          varchar(24)  not null,
    version_number  integer,
    update_type     varchar(12),
    entries         integer,
    status          varchar(10)  not null,
    outcome         varchar(20),
    detail          text,
    created_at      timestamp with time zone not null,
    completed_at    timestamp with time zone
);
create index authorization_command_station on authorization_command (station_id, created_at);
