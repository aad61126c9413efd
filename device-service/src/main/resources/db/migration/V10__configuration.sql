-- What device-service knows of each station's configuration: the 1.6 configuration keys (GetConfiguration, and the
-- values set or read through the configuration API) and the 2.x device model (NotifyReport after GetBaseReport,
-- GetVariables, SetVariables). Rows go with their station.
create table station_configuration_key (
    station_id   varchar(48)  not null references station (id) on delete cascade,
    config_key   varchar(50)  not null,
    value        varchar(500),
    readonly     boolean,
    updated_at   timestamp with time zone not null,
    primary key (station_id, config_key)
);

-- One row per variable attribute of the 2.x device model. Absent instances are '' and absent EVSE/connector null,
-- so that the unique index identifies an attribute.
create table station_variable (
    id                  bigserial    primary key,
    station_id          varchar(48)  not null references station (id) on delete cascade,
    component           varchar(50)  not null,
    component_instance  varchar(50)  not null default '',
    evse_id             integer,
    connector_id        integer,
    variable            varchar(50)  not null,
    variable_instance   varchar(50)  not null default '',
    attribute_type      varchar(8)   not null default 'Actual',
    value               varchar(2500),
    mutability          varchar(16),
    persistent          boolean,
    constant            boolean,
    data_type           varchar(16),
    unit                varchar(16),
    min_limit           numeric,
    max_limit           numeric,
    values_list         varchar(1000),
    updated_at          timestamp with time zone not null
);

create unique index station_variable_identity on station_variable (station_id, component, component_instance,
    coalesce(evse_id, -1), coalesce(connector_id, -1), variable, variable_instance, attribute_type);

-- The parts of the device model reports (NotifyReport) stations sent, one row per part; a redelivered part is
-- recognised by (station, requestId, seqNo).
create table device_model_report (
    id            bigserial    primary key,
    station_id    varchar(48)  not null references station (id) on delete cascade,
    request_id    integer      not null,
    seq_no        integer      not null,
    tbc           boolean      not null,
    generated_at  timestamp with time zone,
    entries       integer      not null,
    received_at   timestamp with time zone not null,
    unique (station_id, request_id, seq_no)
);

-- Configuration requests of the operator API: one setting read or set on one or many stations.
create table configuration_request (
    id            varchar(36)  primary key,
    operation     varchar(8)   not null,
    setting       varchar(160) not null,
    value         varchar(1000),
    requested_by  varchar(255),
    created_at    timestamp with time zone not null
);

-- The result per station of a configuration request; command_id is the ledger command sent (null when none was).
create table configuration_request_station (
    request_id    varchar(36)  not null references configuration_request (id) on delete cascade,
    station_id    varchar(48)  not null,
    ocpp_version  varchar(8),
    target        varchar(160),
    command_id    varchar(64),
    status        varchar(32)  not null,
    value         varchar(2500),
    detail        varchar(1000),
    completed_at  timestamp with time zone,
    primary key (request_id, station_id)
);

create index configuration_request_station_command on configuration_request_station (command_id);
