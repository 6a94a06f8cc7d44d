-- Older reviews are known to exist without a recorded notification date (Maldon's DHR1 and DHR2).
alter table domestic_homicide_review alter column notified_on drop not null;
