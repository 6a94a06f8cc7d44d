-- A fault the redrive test can make and then fix, as a bad deployment would: applying a note
-- listed here fails, with a reason that is neither an outage nor transient, so it is dead-lettered.
create table note_seen_refused (
    note_id uuid primary key
);

create function note_seen_refused_check() returns trigger language plpgsql as $$
begin
    if exists (select 1 from note_seen_refused where note_id = new.note_id) then
        raise exception 'note % is refused', new.note_id using errcode = 'P0001';
    end if;
    return new;
end $$;

create trigger note_seen_refused_check before insert on note_seen
    for each row execute function note_seen_refused_check();
