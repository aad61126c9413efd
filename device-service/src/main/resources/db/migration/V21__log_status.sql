-- Log upload progress reported by stations (1.6 DiagnosticsStatusNotification, LogStatusNotification of the 1.6
-- security extension and 2.x), one row per notification; the newest row of a station is its current log status.
create table log_status_report (
    id           bigserial    primary key,
    station_id   varchar(48)  not null,
    call_id      varchar(64)  not null,
    action       varchar(40)  not null,
    ocpp_version varchar(8)   not null,
    status       varchar(40)  not null,
    request_id   integer,
    received_at  timestamp with time zone not null,
    unique (station_id, call_id)
);

create index log_status_report_station on log_status_report (station_id, received_at desc, id desc);

-- The requestId of UpdateFirmware and GetLog commands (echoed by the station's status notifications).
create sequence device_request_id start with 1 maxvalue 2147483647 cycle;
