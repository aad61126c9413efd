-- Firmware campaigns: one firmware rolled out to many stations in batches (package dev.csms.device.campaign).
create table firmware_campaign (
    id                  varchar(36)  primary key,
    name                varchar(200),
    status              varchar(16)  not null,
    firmware            text         not null, -- the firmware update every station gets (JSON, FirmwareRequest)
    target              text         not null, -- how the stations were chosen (JSON: stationIds or filter)
    batch_size          integer      not null,
    max_in_flight       integer      not null,
    failure_threshold   double precision not null,
    min_finished        integer      not null,
    progress_timeout_s  bigint       not null,
    created_by          varchar(200),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    finished_at         timestamp with time zone
);

create index firmware_campaign_created on firmware_campaign (created_at desc, id);

-- One station of a campaign: its batch, where it stands and the firmware command sent to it.
create table firmware_campaign_station (
    id           bigserial    primary key,
    campaign_id  varchar(36)  not null references firmware_campaign (id) on delete cascade,
    station_id   varchar(48)  not null,
    position     integer      not null,
    batch        integer      not null,
    state        varchar(16)  not null,
    command_id   varchar(36),
    request_id   integer,
    last_status  varchar(40),
    detail       varchar(500),
    deadline     timestamp with time zone,
    started_at   timestamp with time zone,
    finished_at  timestamp with time zone,
    unique (campaign_id, station_id)
);

create index firmware_campaign_station_state on firmware_campaign_station (campaign_id, state, batch, position);
create index firmware_campaign_station_command on firmware_campaign_station (command_id);
create index firmware_campaign_station_active on firmware_campaign_station (station_id, state);
