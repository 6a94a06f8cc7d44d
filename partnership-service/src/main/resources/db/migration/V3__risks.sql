create table risk (
    id             uuid    primary key,
    partnership_id text    not null references partnership (id),
    reference      text    not null,
    description    text    not null,
    likelihood     integer not null check (likelihood between 1 and 6),
    impact         integer not null check (impact between 1 and 4),
    mitigation     text,
    owner          text,
    review_on      date,
    closed         boolean not null default false,
    version        bigint  not null default 0
);

create index risk_partnership on risk (partnership_id);
