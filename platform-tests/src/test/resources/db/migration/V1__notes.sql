-- A note is the test application's business record; note_seen what its consumer applied, one row
-- per application (no unique key: a second application of one event must show as a second row).
create table note (
    id             uuid primary key,
    partnership_id text not null,
    text           text not null
);

create table note_seen (
    note_id  uuid not null,
    event_id text not null
);
