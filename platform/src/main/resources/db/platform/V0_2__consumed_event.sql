-- Idempotent consumer (platform): which events each consumer has applied.
create table consumed_event (
    consumer    text        not null,
    event_id    text        not null,
    event_type  text        not null,
    consumed_at timestamptz not null,
    primary key (consumer, event_id)
);
