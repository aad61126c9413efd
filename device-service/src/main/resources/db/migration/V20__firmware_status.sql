-- Firmware update progress reported by stations (FirmwareStatusNotification, 1.6 SignedFirmwareStatusNotification),
-- one row per notification; the newest row of a station is its current firmware status.
create table firmware_status_report (
    id           bigserial    primary key,
    station_id   varchar(48)  not null,
    call_id      varchar(64)  not null,
    ocpp_version varchar(8)   not null,
    status       varchar(40)  not null,
    request_id   integer,
    received_at  timestamp with time zone not null,
    unique (station_id, call_id)
);

create index firmware_status_report_station on firmware_status_report (station_id, received_at desc, id desc);
