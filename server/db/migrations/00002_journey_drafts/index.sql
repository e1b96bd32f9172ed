-- One journey engine (docs/decisions/051-one-journey-engine.md): drafts and their attachments and resume
-- links belong to the engine, and every draft says which journey it is of. Existing drafts are the
-- enforcement request's (its definition id); a citizen's draft lookup is per journey.
alter table filing_drafts add column journey text not null default 'enforcement-request'
  check (journey ~ '^[a-z0-9][a-z0-9-]{0,62}$');
drop index filing_drafts_citizen_idx;
create index filing_drafts_citizen_idx on filing_drafts (citizen_id, journey, updated_at desc) where citizen_id is not null;

-- The document types of an attachments step are the journey's (its definition's list, checked by the
-- engine before a row is written): the table only keeps them short and plain.
alter table filing_attachments drop constraint filing_attachments_document_type_check;
alter table filing_attachments add constraint filing_attachments_document_type_check
  check (document_type ~ '^[a-z][a-zA-Z0-9_-]{0,39}$');
