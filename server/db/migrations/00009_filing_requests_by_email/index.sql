-- Issue 10: a request filed while signed out is linked to the citizen's account when they sign in with
-- the same (verified) e-mail address; this index finds the unlinked ones by address.
create index enforcement_requests_unlinked_email_idx on enforcement_requests (lower(applicant_email))
  where citizen_id is null and applicant_email is not null;
