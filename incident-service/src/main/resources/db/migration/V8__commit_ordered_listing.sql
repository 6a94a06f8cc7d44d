-- Listing pages walk incidents in the order of the transactions that recorded them, and never go
-- past one still running (IncidentQuery). recorded_at is taken before commit, so paging by it let
-- the rows of a long import commit behind a cursor already handed out, never to be listed.
-- Rows recorded before this column existed are all committed: they read as transaction 0 and keep
-- their order by id, which is time-ordered. The volatile default is set after the column is added,
-- so adding it does not rewrite the table.
alter table incident add column recorded_xid bigint not null default 0;
alter table incident alter column recorded_xid set default (pg_current_xact_id()::text::bigint);
create index incident_commit_order on incident (recorded_xid, id);
drop index incident_recorded;
