-- The full incident record: ASB type, flags, when (day or month), where, outcome, enforcement.
alter table incident
    alter column occurred_on drop not null,
    add column occurred_month       text,
    add column asb_type             text,
    add column asb_sub_type         text,
    add column flags                jsonb not null default '[]',
    add column hate_crime_strand    text,
    add column reported_on          date,
    add column lsoa_code            text,
    add column latitude             numeric(9, 6),
    add column longitude            numeric(9, 6),
    add column location_description text,
    add column outcome              text,
    add column enforcement_actions  jsonb not null default '[]',
    add column withdrawn_at         timestamptz,
    add column withdrawal_reason    text;

update incident set occurred_month = to_char(occurred_on, 'YYYY-MM');
alter table incident alter column occurred_month set not null;

drop index incident_partnership_occurred;
create index incident_partnership_month on incident (partnership_id, occurred_month);
-- Keyset paging walks (recorded_at, id).
create index incident_recorded on incident (recorded_at, id);

-- Replica of partnership-service's directory, kept from partnership.events.
create table partnership_replica (
    id      text   primary key,
    name    text   not null,
    version bigint not null
);

create table district_replica (
    district_code  text primary key,
    partnership_id text not null
);

create table membership_replica (
    id             uuid   primary key,
    partnership_id text   not null,
    agency_id      text   not null,
    member_from    date   not null,
    member_until   date,
    version        bigint not null
);

create index membership_replica_agency on membership_replica (agency_id, partnership_id);
