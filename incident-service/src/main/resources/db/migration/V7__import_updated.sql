-- Rows of a republished file whose Crime ID was imported before with other content correct their record.
alter table incident_import add column updated bigint not null default 0;
