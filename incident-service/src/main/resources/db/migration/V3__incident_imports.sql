-- data.police.uk files agencies hand in, and what their import found.
create table incident_import (
    id                   uuid        primary key,
    agency_id            text        not null,
    allowed_partnerships jsonb       not null,
    status               text        not null,
    received_at          timestamptz not null,
    finished_at          timestamptz,
    rows_read            bigint      not null default 0,
    created              bigint      not null default 0,
    unchanged            bigint      not null default 0,
    outside_partnerships bigint      not null default 0,
    without_location     bigint      not null default 0,
    rejected             bigint      not null default 0,
    rejections           jsonb       not null,
    failure              text
);
