-- SignCertificate calls of stations and the decision on each (dev.csms.device.certificate).
create table certificate_signing (
    id               bigserial    primary key,
    station_id       varchar(48)  not null,
    call_id          varchar(64)  not null,
    ocpp_version     varchar(8)   not null,
    certificate_type varchar(40),
    status           varchar(16)  not null,
    reason           varchar(500),
    serial_number    varchar(80),
    command_id       varchar(36),
    received_at      timestamp with time zone not null,
    unique (station_id, call_id)
);

create index certificate_signing_station on certificate_signing (station_id, received_at desc, id desc);
