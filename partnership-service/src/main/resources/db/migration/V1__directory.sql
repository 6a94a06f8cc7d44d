-- The directory: agencies, partnerships and the districts they cover, memberships over time.
create table agency (
    id                    text    primary key,
    name                  text    not null,
    type                  text    not null,
    responsible_authority boolean not null,
    version               bigint  not null default 0
);

create table partnership (
    id           text   primary key,
    name         text   not null,
    pcc_area     text,
    county_board text,
    website      text,
    version      bigint not null default 0
);

create table partnership_district (
    partnership_id text    not null references partnership (id),
    position       integer not null,
    district_code  text    not null,
    primary key (partnership_id, position),
    -- A district's incidents go to one partnership: it belongs to one at a time.
    constraint partnership_district_once unique (district_code) deferrable initially deferred
);

create table membership (
    id             uuid   primary key,
    partnership_id text   not null references partnership (id),
    agency_id      text   not null references agency (id),
    role           text   not null,
    statutory      boolean not null,
    member_from    date   not null,
    member_until   date,
    version        bigint not null default 0,
    constraint membership_period check (member_until is null or member_until >= member_from)
);

create index membership_partnership on membership (partnership_id, member_from);
