-- One journey engine (docs/decisions/051-one-journey-engine.md): drafts and their attachments and resume
-- links belong to the engine, and every draft says which journey it is of. Existing drafts are the
-- enforcement request's (its definition id); a citizen's draft lookup is per journey.
alter table filing_drafts add column journey text not null default 'enforcement-request'
  check (journey ~ '^[a-z0-9][a-z0-9-]{0,62}$');
drop index filing_drafts_citizen_idx;
create index filing_drafts_citizen_idx on filing_drafts (citizen_id, journey, updated_at desc) where citizen_id is not null;
