-- A rebuild replays the topics into a copy of the projection tables in schema projection_next
-- while feeds keep reading the complete (if no longer fresh) tables in public; when every
-- partition has been replayed, one transaction puts the copies in place of the live tables.
-- Consumers write to projection_next by putting it first on their transaction's search_path.

-- The one row says whether a rebuild is under way. Every consumer transaction reads it FOR SHARE
-- before it writes, so the start and the end of a rebuild (which update it) wait for the
-- transactions in flight and no transaction writes half to one generation, half to the other.
create table projection_rebuild (
    singleton  boolean     primary key default true check (singleton),
    rebuild_id uuid,
    started_at timestamptz
);
insert into projection_rebuild (singleton) values (true);

-- Empty copies of the tables, with the live tables' constraint names (upserts name them).
create function projection_next_prepare(tables text[]) returns void language plpgsql as $$
declare
    t text;
    c record;
begin
    drop schema if exists projection_next cascade;
    create schema projection_next;
    foreach t in array tables loop
        execute format('create table projection_next.%I (like public.%I including all)', t, t);
        for c in
            select copy.conname as copy_name, live.conname as live_name
            from pg_constraint live
            join pg_constraint copy on copy.conrelid = format('projection_next.%I', t)::regclass
                and copy.contype = live.contype and pg_get_constraintdef(copy.oid) = pg_get_constraintdef(live.oid)
            where live.conrelid = format('public.%I', t)::regclass and copy.conname <> live.conname
        loop
            execute format('alter table projection_next.%I rename constraint %I to %I', t, c.copy_name, c.live_name);
        end loop;
    end loop;
end $$;

-- The copies take the live tables' place.
create function projection_next_switch(tables text[]) returns void language plpgsql as $$
declare
    t text;
begin
    foreach t in array tables loop
        execute format('drop table public.%I', t);
        execute format('alter table projection_next.%I set schema public', t);
    end loop;
    drop schema projection_next;
end $$;
