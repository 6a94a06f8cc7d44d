-- Idempotency-Key (platform): the first answer to each caller's keyed POST, replayed to retries.
-- status is null while the request holding the claim (claim_token) has not answered.
create table idempotency_key (
    caller      text        not null,
    key         text        not null,
    claim_token uuid        not null,
    request     text        not null,
    fingerprint text        not null,
    claimed_at  timestamptz not null,
    status      integer,
    location    text,
    etag        text,
    body        bytea,
    primary key (caller, key)
);

create index idempotency_key_claimed on idempotency_key (claimed_at);
