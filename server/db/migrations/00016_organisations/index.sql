-- Organisations' bulk lookup (issue 13, docs/decisions/069-organisations-and-bulk-lookup.md): the result of
-- one uploaded CSV of lookup pairs, kept for a short time so the result page and its CSV download work
-- with plain links (no JavaScript, no re-upload). Only what the pairs proved is kept: each row's reference
-- as typed and the case it opened (null: not found) — never the access codes. Read only with the
-- organisation's id in the WHERE; expired runs are deleted by the next run.
create table organisation_bulk_runs (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references organisations (id),
  citizen_id uuid not null references citizens (id),
  -- [{ "reference": "YC-…", "caseId": "…" | null }] in the file's order.
  rows jsonb not null,
  found int not null,
  not_found int not null,
  followed int not null default 0,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index organisation_bulk_runs_org_idx on organisation_bulk_runs (organisation_id, created_at desc);
create index organisation_bulk_runs_expires_idx on organisation_bulk_runs (expires_at);

-- An organisation's followed cases by state (the list's filter) goes through cases' primary key from
-- organisation_cases_org_added_idx; no further index is needed at the sizes one organisation follows.
