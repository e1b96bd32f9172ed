-- The satisfaction question at closing (issue 14 item 8, docs/decisions/078): one answer per case, once the
-- case is in a final state, from the party who filed it. Stored per office and procedure (case type) with no
-- identity beyond the case id; statistics read this table only.
create table satisfaction_answers (
  case_id uuid primary key references cases (id),
  agency_id uuid not null references agencies (id),
  case_type text not null check (case_type ~ '^[a-z][a-z0-9-]{1,63}$'),
  score smallint not null check (score between 1 and 5),
  comment text check (comment is null or length(comment) between 1 and 1000),
  answered_at timestamptz not null default now()
);
create index satisfaction_answers_agency_idx on satisfaction_answers (agency_id, case_type);
