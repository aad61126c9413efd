-- Alerts about stations (package alert). An alert is active until its condition ends; the partial unique index
-- makes "raised once per (station, type, subject) while active" hold even across replicas.
create table alert (
    id              varchar(36)  primary key,
    station_id      varchar(48)  not null,
    type            varchar(40)  not null,
    subject         varchar(128) not null,
    severity        varchar(16)  not null,
    message         varchar(1000) not null,
    active          boolean      not null,
    raised_at       timestamp with time zone not null,
    cleared_at      timestamp with time zone,
    clear_reason    varchar(500),
    acknowledged    boolean      not null default false,
    acknowledged_by varchar(255),
    acknowledged_at timestamp with time zone
);

create unique index alert_active_once on alert (station_id, type, subject) where active;
create index alert_raised on alert (raised_at desc, id desc);
create index alert_station on alert (station_id, raised_at desc);

-- Disconnects and boots of the recent past, counted by the repeated-disconnects and boot-loop rules; rows older
-- than the rules' windows are deleted by the alert sweep.
create table station_disconnect (
    station_id       varchar(48) not null,
    connection_epoch bigint      not null,
    disconnected_at  timestamp with time zone not null,
    primary key (station_id, connection_epoch)
);

create index station_disconnect_time on station_disconnect (station_id, disconnected_at desc);

create table station_boot (
    station_id varchar(48) not null,
    call_id    varchar(64) not null,
    booted_at  timestamp with time zone not null,
    primary key (station_id, call_id)
);

create index station_boot_time on station_boot (station_id, booted_at desc);
