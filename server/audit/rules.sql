-- Audit rules: the audit domain's functions and triggers, the one definition of each in the repository.
-- Re-runnable: applied after the migrations at every start, under the migrations' advisory lock and in
-- their transaction (server/db/migrate.server.ts, RULES). Edit a function here and it is replaced at the
-- next start; a changed signature needs `drop function if exists name(old argument types);` first.
-- When a rule belongs in SQL: docs/decisions/054-rules-in-sql-or-typescript.md.

-- Append-only: the database itself refuses to change or remove audit entries.
create or replace function audit_log_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'audit_log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create or replace trigger audit_log_no_update before update or delete on audit_log
  for each row execute function audit_log_refuse_change();
create or replace trigger audit_log_no_truncate before truncate on audit_log
  for each statement execute function audit_log_refuse_change();
