-- Service-of-documents rules: its functions and triggers, the one definition of each in the repository.
-- Re-runnable: applied after the migrations at every start (server/db/migrate.server.ts, RULES; ADR 054).

-- The proof of service cannot be rewritten: what was served (case, document, hash, time) never changes,
-- and the first opening, once recorded, never changes either. Rows are never deleted.
create or replace function document_services_immutable() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    raise exception 'document_services rows are never deleted' using errcode = '42501';
  end if;
  if new.case_id is distinct from old.case_id or new.document_seq is distinct from old.document_seq
     or new.sha256 is distinct from old.sha256 or new.served_at is distinct from old.served_at
     or new.method is distinct from old.method then
    raise exception 'what was served cannot be changed' using errcode = '42501';
  end if;
  if old.opened_at is not null and (new.opened_at is distinct from old.opened_at or new.opened_sha256 is distinct from old.opened_sha256) then
    raise exception 'the first opening of a served document cannot be changed' using errcode = '42501';
  end if;
  return new;
end $$;
create or replace trigger document_services_immutable before update or delete on document_services
  for each row execute function document_services_immutable();


-- A signed receipt of service (ADR 080) is issued once and never rewritten or deleted: a new signature over
-- the same service would be a second receipt, and the first one's code must keep verifying.
create or replace function service_receipts_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'a receipt of service is never changed or deleted' using errcode = '42501';
end $$;
create or replace trigger service_receipts_immutable before update or delete on service_receipts
  for each row execute function service_receipts_immutable();
