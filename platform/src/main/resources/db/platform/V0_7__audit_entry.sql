-- Audit trail (platform), to the bar of DPA 2018 s.62: every read of record-level data and every
-- change, refused and failed ones too. Who (token sub, username, agency, roles), what (action,
-- record type), which records, when, why (the caller's X-Purpose), by which request, and how it
-- ended. It replaces record_access_audit, which logged incident reads only, with a count of
-- records rather than their ids.
create table audit_entry (
    id             bigint generated always as identity primary key,
    at             timestamptz not null default clock_timestamp(),
    subject        text,
    username       text        not null,
    agency_id      text,
    roles          text[],
    platform_admin boolean,
    action         text        not null,
    record_type    text,
    record_ids     text[]      not null default '{}',
    purpose        text,
    method         text        not null,
    path           text        not null,
    query          text,
    outcome        text        not null check (outcome in ('allowed', 'refused', 'failed')),
    status         integer
);

create index audit_entry_at on audit_entry (at);
create index audit_entry_subject on audit_entry (subject);
create index audit_entry_agency on audit_entry (agency_id);
create index audit_entry_records on audit_entry using gin (record_ids);

-- The incident reads audited so far, kept: the old trail had no subject or roles (left null: not
-- known, rather than false), and a single read's query named its id.
insert into audit_entry (at, username, agency_id, action, record_type, record_ids, method, path, query, outcome)
select at, caller, agency_id,
       case when query like 'id=%' then 'read' else 'list' end, 'incident',
       case when query like 'id=%' then array[substr(query, 4)] else '{}' end,
       'GET', '/api/v1/incidents' || case when query like 'id=%' then '/' || substr(query, 4) else '' end,
       query || ' (' || record_count || ' records; ids were not recorded then)', 'allowed'
from record_access_audit
order by id;

drop table record_access_audit;

-- Append-only. Every service connects as the owner of its tables, so privileges cannot keep the
-- service from changing its own trail; this trigger does, against the service's code and against
-- a slip by hand. The one sanctioned deletion is retention's, through purge_audit_entries below,
-- which says so in a transaction-local setting, and even it cannot delete an entry younger than a
-- year. (A superuser can still disable the trigger: that is for the database's own audit logging.)
create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if current_setting('csp.audit_purge', true) = 'on' and old.at < now() - interval '365 days' then
            return old;
        end if;
    end if;
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();

-- Retention's purge: at most batch entries older than older_than, oldest first; returns how many.
-- The setting is on only for this one statement of the function, whatever transaction calls it.
create function purge_audit_entries(older_than interval, batch integer) returns integer language plpgsql as $$
declare
    removed integer;
begin
    perform set_config('csp.audit_purge', 'on', true);
    delete from audit_entry
    where id = any(array(select id from audit_entry where at < now() - older_than order by id limit batch));
    get diagnostics removed = row_count;
    perform set_config('csp.audit_purge', 'off', true);
    return removed;
end
$$;
