-- What a scrutiny report prints about a partnership itself, from partnership.events: agencies to
-- name members, memberships over time, governance bodies and their meetings, priorities with their
-- plan actions, the risk register, and Domestic Homicide Reviews as counts. Each record is kept as
-- its latest whole state by its id. No foreign keys and no sequences: records arrive in any order
-- across partitions (agencies are keyed apart from partnerships), and a rebuild copies each table
-- with LIKE (V6), which copies neither.

-- Agencies belong to no one partnership; every partnership's members are named from here.
create table partnership_agency (
    id                    text    primary key,
    name                  text    not null,
    type                  text    not null,
    responsible_authority boolean not null,
    version               bigint  not null
);

-- until is the last day of membership, null while it lasts.
create table partnership_membership (
    id             uuid    primary key,
    partnership_id text    not null,
    agency_id      text    not null,
    role           text    not null,
    statutory      boolean not null,
    member_from    date    not null,
    member_until   date,
    version        bigint  not null
);

create index partnership_membership_partnership on partnership_membership (partnership_id);

create table partnership_body (
    id             uuid   primary key,
    partnership_id text   not null,
    name           text   not null,
    kind           text   not null,
    cadence        text,
    version        bigint not null
);

create index partnership_body_partnership on partnership_body (partnership_id);

create table partnership_meeting (
    id                 uuid   primary key,
    partnership_id     text   not null,
    body_id            uuid   not null,
    held_on            date   not null,
    attending_agencies text[] not null,
    version            bigint not null
);

create index partnership_meeting_held on partnership_meeting (partnership_id, held_on);

-- What a report says of a priority. Rows applied before this migration get them from their next
-- event, or from a rebuild.
alter table partnership_priority add column description text;
alter table partnership_priority add column adopted_by_body_id uuid;
alter table partnership_priority add column adopted_on date;

-- measures: the action's outcome measures as the event gives them, [{name, unit, target, actual}].
-- The latest progress report is null until one is made, and in events from before the contract
-- carried it.
create table partnership_action (
    id              uuid    primary key,
    partnership_id  text    not null,
    financial_year  integer not null,
    priority_id     uuid,
    title           text    not null,
    owner_agency_id text    not null,
    start_on        date    not null,
    due_on          date    not null,
    status          text    not null,
    measures        jsonb   not null,
    progress_on     date,
    progress_status text,
    progress_note   text,
    version         bigint  not null
);

create index partnership_action_year on partnership_action (partnership_id, financial_year);

create table partnership_risk (
    id             uuid    primary key,
    partnership_id text    not null,
    reference      text    not null,
    description    text    not null,
    likelihood     integer not null,
    impact         integer not null,
    score          integer not null,
    rating         text    not null,
    mitigation     text,
    owner          text,
    review_on      date,
    closed         boolean not null,
    version        bigint  not null
);

create index partnership_risk_partnership on partnership_risk (partnership_id);

-- Domestic Homicide Reviews: only each review's status, so that a review moving on moves the
-- counts. Nothing else of the case is kept, and the review ids never leave this table.
create table partnership_dhr (
    review_id      uuid   primary key,
    partnership_id text   not null,
    status         text   not null,
    version        bigint not null
);

create index partnership_dhr_partnership on partnership_dhr (partnership_id);
