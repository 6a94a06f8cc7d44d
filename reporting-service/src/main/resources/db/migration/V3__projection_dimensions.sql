-- Projections are rebuilt from the topics (POST /api/v1/admin/projections/rebuild), so their
-- shape changes by dropping and recreating them.
drop table incident_count;

-- Monthly counts per partnership x district x category x ASB type ('' for none).
create table incident_count (
    partnership_id text   not null,
    month          date   not null,
    district_code  text   not null,
    category       text   not null,
    asb_type       text   not null,
    incident_count bigint not null,
    primary key (partnership_id, month, district_code, category, asb_type)
);

-- The same per flag: an incident with two flags counts once under each.
create table incident_flag_count (
    partnership_id text   not null,
    month          date   not null,
    district_code  text   not null,
    category       text   not null,
    flag           text   not null,
    incident_count bigint not null,
    primary key (partnership_id, month, district_code, category, flag)
);

-- Counts per place, as data.police.uk describes places (location text and its snapped point).
create table incident_location_count (
    partnership_id       text          not null,
    month                date          not null,
    category             text          not null,
    location_description text          not null,
    latitude             numeric(9, 6),
    longitude            numeric(9, 6),
    incident_count       bigint        not null,
    constraint incident_location_cell
        unique nulls not distinct (partnership_id, month, category, location_description, latitude, longitude)
);

-- Partnership names and districts, from partnership.events, to label rows.
create table partnership_directory (
    id        text   primary key,
    name      text   not null,
    districts jsonb  not null,
    version   bigint not null
);

-- How fresh each projection is: the time of the last event it applied.
create table projection_state (
    projection      text        primary key,
    last_event_at   timestamptz not null,
    last_applied_at timestamptz not null
);

delete from consumed_event where consumer = 'reporting.incident-counts';
