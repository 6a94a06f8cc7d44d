-- Corrections move an incident between cells. Events of different partnerships travel in
-- different partitions, so a cell can dip below zero for a moment before its incident arrives.
alter table incident_count drop constraint incident_count_incident_count_check;
