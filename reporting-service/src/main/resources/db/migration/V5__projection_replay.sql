-- Partitions a projection rebuild still has to replay, written in the transaction that empties
-- the projections. Until a partition has been replayed up to `until_offset` (its end when the
-- rebuild began) the row stays, so an instance that restarts, or takes the partition over,
-- rewinds it again; events applied already are skipped as redeliveries.
create table projection_replay (
    topic        text    not null,
    partition    integer not null,
    rebuild_id   uuid    not null,
    until_offset bigint  not null,
    primary key (topic, partition)
);
