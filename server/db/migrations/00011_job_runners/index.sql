-- Live job runners, so that a job locked by a worker that died is released within a minute instead of
-- graphile-worker's 4 hours (its job_expiry). A runner (a job thread or `npm run worker`) writes its row
-- every few seconds from one connection of its own: its graphile-worker ids and that connection's backend.
-- A worker counts as alive while its runner's session is alive or its row was written in the last 15 s;
-- a SIGKILLed process loses its session at once, a stuck one stops writing.
create table job_runners (
  id text primary key check (length(id) <= 200),
  worker_ids text[] not null default '{}',
  backend_pid int,
  backend_start timestamptz,
  started_at timestamptz not null default now(),
  seen_at timestamptz not null default now()
);

-- Writes the runner's row (from its presence connection) and returns the ids of the workers released.
-- Nothing is released in the first 15 s after the database itself started (live runners are writing their
-- rows again after a restart), nor a lock younger than 10 s (a runner writes its row just after its
-- workers start).
create function jobs_runner_heartbeat(p_runner text, p_worker_ids text[]) returns text[] language plpgsql as $$
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
