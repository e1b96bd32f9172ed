-- My cases (issue 13 item 2, docs/decisions/067-my-cases.md): what a signed-in citizen's list reads, and
-- what lets a request filed while signed out join their account by a verified identity.

-- The filing party's citizen ID number (CCCD) as a digest: SHA-256 of the 12 digits (normalised: digits
-- only), never the number. Set by openCase (OpenCaseInput.applicantIdNumber); a sign-in with the national
-- e-ID that vouches for the same number joins the case (server/accounts/claims.server.ts).
alter table cases add column applicant_id_digest bytea check (applicant_id_digest is null or length(applicant_id_digest) = 32);
create index cases_unlinked_id_idx on cases (applicant_id_digest) where citizen_id is null and applicant_id_digest is not null;

-- Backfill from the enforcement requests already filed by a person (an organisation's request names no CCCD
-- of its own; a representative's number is not the party's).
update cases c set applicant_id_digest = sha256(convert_to(regexp_replace(r.answers->'person'->>'cccd', '[^0-9]', '', 'g'), 'UTF8'))
from enforcement_requests r
where c.case_type = 'enforcement-request' and c.submission_id = r.id and c.applicant_id_digest is null
  and coalesce(r.answers->'who'->>'party', 'person') <> 'organisation'
  and regexp_replace(coalesce(r.answers->'person'->>'cccd', ''), '[^0-9]', '', 'g') ~ '^[0-9]{12}$';

-- A citizen's payments (and so their receipts) are those paid with their verified address: looked up by it.
create index payment_attempts_email_idx on payment_attempts (lower(email), created_at desc);
