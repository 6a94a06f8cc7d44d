-- Reports a partnership's officers assemble. A draft holds only what to assemble; publishing
-- freezes its content (the canonical JSON that content_hash is the SHA-256 of) with the event
-- positions it was built from. Reports are this service's own records, not a projection: a
-- rebuild leaves them alone.
create table report (
    id                 uuid        primary key,
    partnership_id     text        not null,
    type               text        not null,
    financial_year     integer     not null,
    performance_period text        not null,
    as_of              text        not null,
    status             text        not null,
    created_at         timestamptz not null,
    created_by         text        not null,
    published_at       timestamptz,
    published_by       text,
    content            text,
    content_hash       text,
    positions          jsonb,
    version            bigint      not null
);

create index report_partnership on report (partnership_id, financial_year);

-- How far each source partition has been applied to the projections: the offset of the last
-- event applied, written in the transaction that applied it. A projection table: rebuilt with them.
create table projection_position (
    topic       text    not null,
    partition   integer not null,
    last_offset bigint  not null,
    primary key (topic, partition)
);
