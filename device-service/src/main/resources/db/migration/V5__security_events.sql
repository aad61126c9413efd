-- Security events reported by stations (SecurityEventNotification: 1.6 security extension, 2.x), one row per call;
-- (station_id, call_id) recognises a redelivered call. critical: the type was in
-- csms.device.security-events.critical-types when it was received (and raised an alert).
create table security_event (
    id           bigserial    primary key,
    station_id   varchar(48)  not null,
    call_id      varchar(64)  not null,
    event_type   varchar(50)  not null,
    occurred_at  timestamp with time zone not null,
    tech_info    varchar(255),
    critical     boolean      not null,
    ocpp_version varchar(8)   not null,
    received_at  timestamp with time zone not null,
    unique (station_id, call_id)
);

create index security_event_station on security_event (station_id, occurred_at desc, id desc);
