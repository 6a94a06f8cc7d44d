-- Each partnership's own latest districts, and when it claimed each, instead of one owner per
-- district. A district moving between partnerships is released by one and claimed by the other in
-- events on different partitions, which a consumer (or a replay) may see in either order; with one
-- owner per district an old claim arriving late could take it and then release it, leaving it
-- unowned. With claims, each partnership's latest event decides only its own districts, and where
-- two claim one district meanwhile, the later claim wins.
alter table district_replica drop constraint district_replica_pkey;
alter table district_replica add column claimed_at timestamptz not null default now();
alter table district_replica add primary key (partnership_id, district_code);
create index district_replica_district on district_replica (district_code, claimed_at desc);
