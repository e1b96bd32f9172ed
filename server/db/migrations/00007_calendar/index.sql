-- The working-day calendar's editable part (docs/decisions/059-legal-rules-and-working-days.md): what the
-- government announces each year on top of the statutory holidays server/deadlines takes from date-holidays
-- (the whole Tết break, the day beside 2 September, a Saturday made a working day in exchange for a day off).
-- A row has the last word on its day: 'holiday' = no work, 'working' = a working day (even a weekend or a
-- statutory holiday). Edited by the administrator at /staff/admin/calendar (audited).
create table calendar_days (
  day date primary key,
  kind text not null check (kind in ('holiday', 'working')),
  note text not null check (length(note) between 1 and 200),
  updated_by uuid references staff (id),
  updated_at timestamptz not null default now()
);

-- The audit log viewer (/staff/audit, same part of issue 12) offers the distinct actions as a filter: this
-- index lets it read them by a loose index scan instead of the whole log, and serves the action filter.
create index audit_log_action_idx on audit_log (action, agency_id);
