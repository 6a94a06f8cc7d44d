create table strategic_assessment (
    id             uuid   primary key,
    partnership_id text   not null references partnership (id),
    period_start   date   not null,
    period_end     date   not null,
    status         text   not null,
    finalised_on   date,
    criteria       jsonb  not null,
    issues         jsonb  not null,
    version        bigint not null default 0,
    constraint strategic_assessment_year unique (partnership_id, period_start)
);

create table priority (
    id                  uuid    primary key,
    partnership_id      text    not null references partnership (id),
    financial_year      integer not null,
    title               text    not null,
    theme               text    not null,
    description         text,
    status              text    not null,
    adopted_by_body_id  uuid    references governance_body (id),
    adopted_on          date,
    assessment_id       uuid    references strategic_assessment (id),
    assessment_issue_id uuid,
    version             bigint  not null default 0
);

create index priority_partnership_year on priority (partnership_id, financial_year);

create table strategy (
    id             uuid    primary key,
    partnership_id text    not null references partnership (id),
    title          text    not null,
    start_year     integer not null,
    end_year       integer not null,
    focus_areas    jsonb   not null,
    outcomes       jsonb   not null,
    reviews        jsonb   not null,
    version        bigint  not null default 0
);

create table plan_action (
    id              uuid    primary key,
    partnership_id  text    not null references partnership (id),
    financial_year  integer not null,
    priority_id     uuid    references priority (id),
    title           text    not null,
    owner_agency_id text    not null references agency (id),
    start_on        date    not null,
    due_on          date    not null,
    status          text    not null,
    milestones      jsonb   not null,
    measures        jsonb   not null,
    progress        jsonb   not null,
    version         bigint  not null default 0
);

create index plan_action_partnership_year on plan_action (partnership_id, financial_year);
