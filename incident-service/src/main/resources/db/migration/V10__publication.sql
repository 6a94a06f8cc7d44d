-- Where a record came from, fixed when it is created: 'data.police.uk' for a row of a data.police.uk
-- publication (open data, Open Government Licence v3.0), which alone may be served as open data;
-- null for a record the agency posted itself, never open data. Existing rows stay null: nobody said
-- their files were published ones.
alter table incident add column publication text;
-- The publication the importer said the file is: 'data.police.uk', or null for the agency's own copy.
alter table incident_import add column publication text;
