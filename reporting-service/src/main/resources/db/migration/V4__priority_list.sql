-- Each partnership's priorities by financial year, from partnership.events, for dashboards.
create table partnership_priority (
    id             uuid    primary key,
    partnership_id text    not null,
    financial_year integer not null,
    title          text    not null,
    theme          text    not null,
    status         text    not null,
    version        bigint  not null
);

create index partnership_priority_year on partnership_priority (partnership_id, financial_year);
