-- A rule checked only when the transaction commits, so a test can make a change fail after the
-- request's answer was written: a note with this text is refused at commit, as a serializable
-- transaction that lost a conflict would be (a refusal that passes).
create function note_refused_at_commit() returns trigger language plpgsql as $$
begin
    if new.text = 'refused at commit' then
        raise exception 'note refused at commit' using errcode = '40001';
    end if;
    return null;
end $$;

create constraint trigger note_checked_at_commit after insert on note
    deferrable initially deferred for each row execute function note_refused_at_commit();
