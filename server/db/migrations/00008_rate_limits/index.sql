-- One counter per limited key (an account, a looked-up object, a client address), shared by every web
-- process: attempts in the current window, when that window began, and until when the key must wait.
-- Replaces the fixed-window table `rate_limits` (see docs/decisions/042-rate-limits.md).
create table rate_limit_counters (
  key text primary key,
  count integer not null default 0,
  window_start timestamptz not null default now(),
  blocked_until timestamptz
);
create index rate_limit_counters_window_start_idx on rate_limit_counters (window_start);

drop table rate_limits;
