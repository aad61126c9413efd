-- Reservations (ReserveNow / CancelReservation). The id is platform-wide: it is the 1.6 reservationId and the 2.x id.
create sequence reservation_number as integer start with 1 no cycle;

create table reservation (
    id                 integer      primary key,
    station_id         varchar(48)  not null,
    ocpp_version       varchar(8)   not null,
    -- null: any EVSE of the station (1.6 connector 0)
    evse_id            integer,
    id_token_value     varchar(255) not null,
    id_token_type      varchar(20)  not null,
    id_token_key       varchar(255) not null,
    group_value        varchar(255),
    group_type         varchar(20),
    group_key          varchar(255),
    expires_at         timestamptz  not null,
    status             varchar(16)  not null,
    reason             varchar(255),
    command_id         varchar(64)  not null,
    cancel_command_id  varchar(64),
    session_id         uuid,
    requested_by       varchar(255),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null
);
create index reservation_station on reservation (station_id, status);
-- the expiry sweep and the authorization guard read only the live ones
create index reservation_live on reservation (expires_at) where status in ('Requested', 'Active');
