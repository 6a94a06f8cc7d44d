create table incident (
    id             uuid        primary key,
    agency_id      text        not null,
    external_ref   text        not null,
    partnership_id text        not null,
    category       text        not null,
    occurred_on    date        not null,
    district_code  text        not null,
    recorded_at    timestamptz not null,
    version        bigint      not null default 0,
    -- An agency's own reference identifies its record: re-posting it never creates a second one.
    constraint incident_agency_external_ref unique (agency_id, external_ref)
);

create index incident_partnership_occurred on incident (partnership_id, occurred_on);
