-- The budget projection, from funding.events: each funding record's current state, by its id, so
-- that a partnership's budget position for a year is summed from them when asked. Amounts are
-- pounds to the penny. No foreign keys: the records' events arrive in any order across partitions.

-- Funders and their streams, to label a position's streams.
create table budget_funder (
    id      text   primary key,
    name    text   not null,
    version bigint not null
);

create table budget_stream (
    id        uuid   primary key,
    funder_id text   not null,
    name      text   not null,
    version   bigint not null
);

-- An allocation's gross comes from its whole-state events (made_version); its top-sliced total from
-- those and from top-slices, whichever has the highest allocation version (version). A top-slice
-- redriven ahead of its allocation leaves gross null until the allocation arrives.
create table budget_allocation (
    id             uuid           primary key,
    partnership_id text           not null,
    stream_id      uuid           not null,
    financial_year integer        not null,
    gross          numeric(14, 2),
    made_version   bigint,
    top_sliced     numeric(14, 2) not null,
    version        bigint         not null
);

create index budget_allocation_year on budget_allocation (partnership_id, financial_year);

-- Only an approved carry-forward counts, in the year it goes into.
create table budget_carry_forward (
    id             uuid           primary key,
    partnership_id text           not null,
    stream_id      uuid           not null,
    into_year      integer        not null,
    status         text           not null,
    approved       numeric(14, 2),
    version        bigint         not null
);

create index budget_carry_forward_year on budget_carry_forward (partnership_id, into_year);

-- amount is null where the approving paper published none.
create table budget_initiative (
    id             uuid           primary key,
    partnership_id text           not null,
    stream_id      uuid           not null,
    financial_year integer        not null,
    status         text           not null,
    amount         numeric(14, 2),
    version        bigint         not null
);

create index budget_initiative_year on budget_initiative (partnership_id, financial_year);

-- Spend lines are never edited (a reversal is a line of its own, negative), so each is inserted once.
create table budget_spend_line (
    id             uuid           primary key,
    initiative_id  uuid           not null,
    partnership_id text           not null,
    stream_id      uuid           not null,
    financial_year integer        not null,
    amount         numeric(14, 2) not null
);

create index budget_spend_line_year on budget_spend_line (partnership_id, financial_year);
create index budget_spend_line_initiative on budget_spend_line (initiative_id);

-- A year with no row is open. Closing fixes each stream's outturn.
create table budget_year (
    partnership_id text    not null,
    financial_year integer not null,
    status         text    not null,
    primary key (partnership_id, financial_year)
);

create table budget_year_outturn (
    partnership_id text           not null,
    financial_year integer        not null,
    stream_id      uuid           not null,
    outturn        numeric(14, 2) not null,
    primary key (partnership_id, financial_year, stream_id)
);
