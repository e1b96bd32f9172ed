-- Submissions of the procedures other than the enforcement request (issue 14, docs/decisions/073): a
-- complaint, a denunciation, feedback or a petition, a request for a confirmation of enforcement result, a
-- request to change the enforcement officer. Each procedure is a journey definition and a case type; what it
-- files is one row here (its answers as the journey shaped them), and a case of its case type is opened for
-- it in the same transaction (cases.submission_id = submissions.id). The enforcement request keeps its own
-- table (enforcement_requests), which predates this one.
create sequence submission_seq;

create table submissions (
  id uuid primary key default gen_random_uuid(),
  -- The journey id (server/journeys definition id): complaint, denunciation, feedback, confirmation, officer-change …
  procedure text not null check (procedure ~ '^[a-z][a-z0-9-]{1,63}$'),
  -- The citizen-facing reference (e.g. KN-2026-0000042), also cases.reference.
  reference text not null unique check (length(reference) between 4 and 40),
  -- SHA-256 of the access code (server/cases accessCodeHash), as cases.access_code_hash.
  access_code_hash bytea not null,
  agency_id uuid not null references agencies (id),
  -- Null when filed signed out, and always for anonymous feedback (then no identity is stored at all).
  citizen_id uuid references citizens (id),
  applicant_name text check (applicant_name is null or length(applicant_name) <= 200),
  applicant_email text check (applicant_email is null or length(applicant_email) <= 320),
  locale text not null default 'vi' check (locale in ('vi', 'en')),
  -- The answers as the journey shaped them (steps → fields). A procedure that keeps an identity apart (a
  -- denunciation) leaves it out of here and stores it in its own table.
  answers jsonb not null,
  -- The enforcement case the submission is about, when the citizen named one (a complaint about its officer…).
  related_case_id uuid references cases (id),
  submitted_at timestamptz not null default now()
);
create index submissions_related_case_idx on submissions (related_case_id) where related_case_id is not null;
create index submissions_citizen_idx on submissions (citizen_id, submitted_at desc) where citizen_id is not null;

-- A procedure's evidence: the journey engine's attachments, kept by the submission.
alter table filing_attachments add column submission_id uuid references submissions (id);
alter table filing_attachments drop constraint filing_attachments_check;
alter table filing_attachments add constraint filing_attachments_owner_check
  check (draft_id is not null or request_id is not null or submission_id is not null);
create index filing_attachments_submission_idx on filing_attachments (submission_id) where submission_id is not null;
