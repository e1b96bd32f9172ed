-- What a running clock counts from (docs/decisions/064-clocks-follow-the-calendar.md): its due date is
-- reproducible as "count_days count_unit after counted_from" on the working-day calendar, so an
-- administrator's calendar edit can recount the running clocks whose span holds the edited day.
-- start: counted_from = the start day, count_days = the rule's amount, count_unit = the rule's unit;
-- resume: counted_from = the resume day, count_days = the days kept at the stop (working_days, or 'days'
-- for the calendar-day units). Only a running clock needs them (a stopped one keeps remaining_days).
alter table case_clocks
  add column counted_from date,
  add column count_days int,
  add column count_unit text check (count_unit in ('working_days', 'days', 'months', 'years'));

-- Backfill of the running clocks. A clock never stopped counts its rule's amount from its start day: the
-- rule versions the case types ran before this migration (a snapshot of LEGAL_RULES; a test checks it).
-- A clock that may have been stopped and resumed (its case had an askForMore event after it started: the
-- only stopping event so far), or of a rule not in the snapshot, is anchored on its due date (0 working
-- days from it): its due date stays exact and moves only when that very day stops being a working day.
with rules (rule_id, effective_from, amount, unit) as (
  values
    ('enforcement.decide-request', date '2015-07-01', 5, 'working_days'),
    ('enforcement.ask-corrections', date '2026-07-01', 1, 'working_days'),
    ('enforcement.notify-documents', date '2015-07-01', 3, 'working_days')
)
update case_clocks k set
  counted_from = case when r.rule_id is not null and not stopped.any then (k.started_at at time zone 'Asia/Ho_Chi_Minh')::date else k.due_on end,
  count_days = case when r.rule_id is not null and not stopped.any then r.amount else 0 end,
  count_unit = case when r.rule_id is not null and not stopped.any then r.unit else 'working_days' end
from case_clocks k2
  left join rules r on r.rule_id = k2.rule_id and r.effective_from = k2.rule_effective_from
  cross join lateral (
    select exists (select 1 from case_events e where e.case_id = k2.case_id and e.event = 'askForMore' and e.at >= k2.started_at) as any
  ) stopped
where k.case_id = k2.case_id and k.clock = k2.clock and k.state = 'running' and k.counted_from is null;

alter table case_clocks add constraint case_clocks_running_count_check
  check (state <> 'running' or (counted_from is not null and count_days is not null and count_unit is not null));

-- A calendar edit of day D recounts the running clocks whose span [counted_from, due_on] holds D (a
-- negative count — a clock stopped overdue and resumed — spans [due_on, counted_from]).
create index case_clocks_running_span_idx on case_clocks
  using gist (daterange(least(counted_from, due_on), greatest(counted_from, due_on), '[]'))
  where state = 'running';
