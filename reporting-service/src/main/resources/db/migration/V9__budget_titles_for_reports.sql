-- Reports list a year's initiatives and carry-forwards by name, not only in sums. Rows applied
-- before this migration get their titles from their next event, or from a rebuild.
alter table budget_initiative add column title text;
alter table budget_initiative add column priority_id uuid;
alter table budget_initiative add column amount_illustrative boolean not null default false;
alter table budget_carry_forward add column requested numeric(14, 2);
