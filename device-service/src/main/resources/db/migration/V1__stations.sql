-- The station registry: what the operator decided about each station, and what it reported at its last boot.
create table station (
    id                   varchar(48)  primary key,
    site_id              varchar(64),
    security_profile     smallint     not null check (security_profile between 1 and 3),
    password_hash        text,
    enabled              boolean      not null,
    registration_status  varchar(16)  not null,
    expected_vendor      varchar(50),
    expected_model       varchar(50),
    allowed_versions     varchar(32)  not null,
    heartbeat_interval   integer      check (heartbeat_interval > 0),
    reported_vendor      varchar(50),
    reported_model       varchar(50),
    reported_serial      varchar(50),
    reported_firmware    varchar(50),
    reported_iccid       varchar(20),
    reported_imsi        varchar(20),
    last_boot_reason     varchar(32),
    last_boot_at         timestamp with time zone,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null
);

create index station_site on station (site_id);
create index station_status on station (registration_status);
create index station_vendor_model on station (reported_vendor, reported_model);
