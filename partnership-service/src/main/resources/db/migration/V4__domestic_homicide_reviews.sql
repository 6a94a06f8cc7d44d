-- Restricted: read and written only by the partnership's officers and platform admins.
create table domestic_homicide_review (
    id              uuid   primary key,
    partnership_id  text   not null references partnership (id),
    case_reference  text   not null,
    notified_on     date   not null,
    status          text   not null,
    panel_meetings  jsonb  not null,
    recommendations jsonb  not null,
    version         bigint not null default 0,
    constraint dhr_case_reference unique (partnership_id, case_reference)
);
