-- Export quota (platform): how many records each caller has been given on each day (Europe/London),
-- so one account cannot carry an agency's history away in a day, whichever instance it asks.
create table export_allowance (
    subject text   not null,
    day     date   not null,
    records bigint not null,
    primary key (subject, day)
);

create index export_allowance_day on export_allowance (day);
