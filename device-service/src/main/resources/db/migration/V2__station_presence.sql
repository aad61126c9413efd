-- Whether each station is connected, from the gateway's StationConnected/StationDisconnected events. A row per
-- station that ever connected; connection_epoch is the greatest epoch seen, so an old disconnect is ignored.
create table station_presence (
    station_id        varchar(48)  primary key,
    online            boolean      not null,
    connection_epoch  bigint       not null,
    gateway_id        varchar(128) not null,
    ocpp_version      varchar(16),
    remote_address    varchar(128),
    connected_at      timestamp with time zone,
    disconnected_at   timestamp with time zone,
    disconnect_reason varchar(32),
    updated_at        timestamp with time zone not null
);

create index station_presence_offline on station_presence (online, disconnected_at);
