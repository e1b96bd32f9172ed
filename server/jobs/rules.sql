-- Job rules: the jobs domain's functions and triggers, the one definition of each in the repository.
-- Re-runnable: applied after the migrations at every start, under the migrations' advisory lock and in
-- their transaction (server/db/migrate.server.ts, RULES). Edit a function here and it is replaced at the
-- next start; a changed signature needs `drop function if exists name(old argument types);` first.
-- When a rule belongs in SQL: docs/decisions/054-rules-in-sql-or-typescript.md.

-- Moves up to p_limit rows into graphile-worker in one transaction: the rows are deleted and their jobs
-- added together, in the order they were written; concurrent flushers skip each other's rows.
create or replace function jobs_flush_outbox(p_limit int) returns int language plpgsql as $$
declare
  ids bigint[];
begin
  select array_agg(id order by id) into ids
  from (select id from job_outbox order by id limit p_limit for update skip locked) b;
  if ids is null then
    return 0;
  end if;
  perform graphile_worker.add_jobs(array(
    select row(task, payload::json, null, null, max_attempts, job_key, null, null)::graphile_worker.job_spec
    from job_outbox where id = any(ids) order by id));
  delete from job_outbox where id = any(ids);
  return cardinality(ids);
end;
$$;

-- Writes the runner's row (from its presence connection) and returns the ids of the workers released.
-- Nothing is released in the first 15 s after the database itself started (live runners are writing their
-- rows again after a restart), nor a lock younger than 10 s (a runner writes its row just after its
-- workers start).
create or replace function jobs_runner_heartbeat(p_runner text, p_worker_ids text[]) returns text[] language plpgsql as $$
declare
  dead text[];
begin
  insert into job_runners as r (id, worker_ids, backend_pid, backend_start, seen_at)
  select p_runner, p_worker_ids, a.pid, a.backend_start, now() from pg_stat_activity a where a.pid = pg_backend_pid()
  on conflict (id) do update
    set worker_ids = excluded.worker_ids, backend_pid = excluded.backend_pid, backend_start = excluded.backend_start, seen_at = now();
  if pg_postmaster_start_time() > now() - interval '15 seconds' then
    return '{}';
  end if;
  with live as (
    select unnest(r.worker_ids) as worker_id from job_runners r
    where r.seen_at > now() - interval '15 seconds'
       or exists (select 1 from pg_stat_activity a where a.pid = r.backend_pid and a.backend_start = r.backend_start)
  ), locked as (
    select locked_by from graphile_worker._private_jobs where locked_by is not null and locked_at < now() - interval '10 seconds'
    union
    select locked_by from graphile_worker._private_job_queues where locked_by is not null and locked_at < now() - interval '10 seconds'
  )
  select array_agg(distinct l.locked_by) into dead from locked l where l.locked_by not in (select worker_id from live);
  if dead is not null then
    perform graphile_worker.force_unlock_workers(dead);
  end if;
  delete from job_runners r where r.seen_at < now() - interval '1 hour'
    and not exists (select 1 from pg_stat_activity a where a.pid = r.backend_pid and a.backend_start = r.backend_start);
  return coalesce(dead, '{}');
end;
$$;
