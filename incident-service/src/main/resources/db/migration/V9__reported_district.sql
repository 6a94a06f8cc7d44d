-- An incident keeps the district as reported, placed in the month it happened, beside district_code,
-- which from now on is the district that holds the place today, where the incident is counted: a
-- place in St Edmundsbury in 2018 is in West Suffolk now. An incident recorded before kept its
-- district as posted, so for it the two are the same: its column stays null (read as district_code,
-- Incident.reportedDistrict()) rather than every row of the table being rewritten.
alter table incident add column reported_district_code text;
