-- An unfinished import lives on the instance that received it (its spooled file and its queue are
-- there). That instance says so regularly; an import nobody has vouched for in a while stopped
-- with its instance and is marked failed, by whichever instance notices first.
alter table incident_import
    add column worker   text,
    add column heard_at timestamptz;

update incident_import set heard_at = coalesce(finished_at, received_at);
alter table incident_import alter column heard_at set not null;

create index incident_import_unfinished on incident_import (heard_at) where status in ('QUEUED', 'RUNNING');
