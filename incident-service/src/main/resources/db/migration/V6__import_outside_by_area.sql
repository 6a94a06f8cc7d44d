-- Rows an import counted but did not store, by district (or former area), with the reason.
alter table incident_import add column outside jsonb not null default '{}';
