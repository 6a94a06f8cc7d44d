-- Transactional outbox (platform): events written in the same transaction as the change they
-- describe, published to Kafka by the relay in id order.
create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_key    text        not null,
    event_type   text        not null,
    subject      text,
    occurred_at  timestamptz not null,
    payload      json        not null, -- json, not jsonb: published byte for byte as written
    published_at timestamptz
);

create index outbox_event_pending on outbox_event (id) where published_at is null;
