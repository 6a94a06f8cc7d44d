-- Audit trail (platform): who read record-level data, when, with which query, how many records.
create table record_access_audit (
    id           bigint generated always as identity primary key,
    at           timestamptz not null,
    caller       text        not null,
    agency_id    text,
    action       text        not null,
    query        text        not null,
    record_count integer     not null
);

create index record_access_audit_at on record_access_audit (at);
