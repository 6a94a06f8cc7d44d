-- funding-service: who funds partnerships, with what, and how the money was committed and spent.
-- Money is numeric(14,2): pounds to the penny, never floating point. A financial year is named by
-- the calendar year it starts in (2021 = 1 April 2021 to 31 March 2022).

create table funder (
    id           text   primary key,
    name         text   not null,
    kind         text   not null,
    org_id       text   not null,
    grant_prefix text   not null,
    version      bigint not null
);

create table funding_stream (
    id        uuid   primary key,
    funder_id text   not null references funder (id),
    name      text   not null,
    kind      text   not null,
    version   bigint not null,
    unique (funder_id, name)
);

create table allocation (
    id             uuid           primary key,
    partnership_id text           not null,
    stream_id      uuid           not null references funding_stream (id),
    financial_year integer        not null,
    gross          numeric(14, 2) not null check (gross >= 0),
    awarded_on     date           not null,
    reference      text           not null,
    title          text           not null,
    description    text,
    version        bigint         not null,
    unique (partnership_id, stream_id, financial_year),
    unique (stream_id, reference)
);

create table top_slice (
    id            uuid           primary key,
    allocation_id uuid           not null references allocation (id),
    amount        numeric(14, 2) not null check (amount > 0),
    purpose       text           not null,
    applied_on    date           not null
);

create index top_slice_allocation on top_slice (allocation_id);

create table carry_forward (
    id             uuid           primary key,
    partnership_id text           not null,
    stream_id      uuid           not null references funding_stream (id),
    from_year      integer        not null,
    requested      numeric(14, 2) not null check (requested > 0),
    reason         text           not null,
    status         text           not null,
    approved       numeric(14, 2) check (approved > 0),
    decided_on     date,
    decision_note  text,
    version        bigint         not null
);

-- One live request per stream and year: a declined one may be asked again.
create unique index carry_forward_open on carry_forward (partnership_id, stream_id, from_year)
    where status <> 'DECLINED';

create table initiative (
    id                     uuid           primary key,
    partnership_id         text           not null,
    stream_id              uuid           not null references funding_stream (id),
    financial_year         integer        not null,
    title                  text           not null,
    description            text,
    priority_id            uuid,
    amount                 numeric(14, 2) check (amount >= 0),
    amount_illustrative    boolean        not null,
    approved_on            date,
    approved_at_meeting_id uuid,
    status                 text           not null,
    version                bigint         not null
);

create index initiative_year on initiative (partnership_id, financial_year);

-- Spend is never edited: a correction is a line of the opposite amount naming the line it reverses.
create table spend_line (
    id             uuid           primary key,
    initiative_id  uuid           not null references initiative (id),
    spent_on       date           not null,
    amount         numeric(14, 2) not null check (amount <> 0),
    description    text           not null,
    reverses_id    uuid           unique references spend_line (id),
    recorded_at    timestamptz    not null,
    recorded_by    text           not null
);

create index spend_line_initiative on spend_line (initiative_id);

-- A year is open until published (viewers may see its position) or closed (its outturn fixed).
create table financial_year (
    partnership_id text    not null,
    financial_year integer not null,
    status         text    not null,
    published_on   date,
    closed_on      date,
    version        bigint  not null,
    primary key (partnership_id, financial_year)
);

create table year_outturn (
    partnership_id text           not null,
    financial_year integer        not null,
    stream_id      uuid           not null references funding_stream (id),
    available      numeric(14, 2) not null,
    outturn        numeric(14, 2) not null,
    primary key (partnership_id, financial_year, stream_id)
);

-- Replicas of partnership-service's records, kept from partnership.events: which partnerships,
-- priorities and meetings exist, so funding never calls partnership-service.
create table partnership_replica (
    id      text   primary key,
    name    text   not null,
    version bigint not null
);

create table priority_replica (
    id             uuid    primary key,
    partnership_id text    not null,
    financial_year integer not null,
    title          text    not null,
    version        bigint  not null
);

create table meeting_replica (
    id             uuid not null primary key,
    partnership_id text not null,
    held_on        date not null
);
