-- Connector/EVSE status from StatusNotification (1.6, 2.x) and NotifyEvent AvailabilityState (2.x).
-- connector_status: the current status per (station, evse, connector); evse 0 / connector 0 is the station as a
-- whole, connector 0 of an EVSE the EVSE as a whole. reported_at is the station's timestamp (or the receive time
-- when it gave none): an older report does not replace a newer one.
create table connector_status (
    id                bigserial    primary key,
    station_id        varchar(48)  not null,
    evse_id           integer      not null,
    connector_id      integer      not null,
    status            varchar(16)  not null,
    original_status   varchar(32)  not null,
    error_code        varchar(50),
    info              varchar(500),
    vendor_id         varchar(255),
    vendor_error_code varchar(100),
    source            varchar(32)  not null,
    ocpp_version      varchar(8)   not null,
    reported_at       timestamp with time zone not null,
    received_at       timestamp with time zone not null,
    unique (station_id, evse_id, connector_id)
);

-- Every reported status, one row per connector per call; (station_id, call_id) recognises a redelivered call.
create table connector_status_history (
    id                bigserial    primary key,
    station_id        varchar(48)  not null,
    call_id           varchar(64)  not null,
    evse_id           integer      not null,
    connector_id      integer      not null,
    status            varchar(16)  not null,
    original_status   varchar(32)  not null,
    error_code        varchar(50),
    info              varchar(500),
    vendor_id         varchar(255),
    vendor_error_code varchar(100),
    source            varchar(32)  not null,
    ocpp_version      varchar(8)   not null,
    reported_at       timestamp with time zone not null,
    received_at       timestamp with time zone not null,
    unique (station_id, call_id, evse_id, connector_id)
);

create index connector_status_history_station on connector_status_history (station_id, reported_at desc, id desc);

-- When a station last sent anything (any StationCall), written at most once per station per
-- csms.device.status.last-seen-interval by each replica.
create table station_last_seen (
    station_id   varchar(48) primary key,
    last_seen_at timestamp with time zone not null
);
