-- Boards and groups of a partnership and the record of their meetings.
create table governance_body (
    id             uuid   primary key,
    partnership_id text   not null references partnership (id),
    name           text   not null,
    kind           text   not null,
    cadence        text,
    version        bigint not null default 0
);

create table meeting (
    id                 uuid   primary key,
    partnership_id     text   not null references partnership (id),
    body_id            uuid   not null references governance_body (id),
    held_on            date   not null,
    attending_agencies jsonb  not null,
    decisions          jsonb  not null,
    version            bigint not null default 0
);

create index meeting_partnership on meeting (partnership_id, held_on);
