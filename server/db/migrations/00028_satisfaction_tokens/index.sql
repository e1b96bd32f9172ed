-- The satisfaction question on the status lookup (issue 14 item 8, docs/decisions/081): once the lookup pair
-- is proved and the case is final, the page carries a one-hour random token (hidden field) instead of the
-- access code, which is never echoed back. Only the token's SHA-256 is stored; it is spent by the answer.
create table satisfaction_tokens (
  token_hash bytea primary key check (length(token_hash) = 32),
  case_id uuid not null references cases (id),
  expires_at timestamptz not null
);
create index satisfaction_tokens_expires_idx on satisfaction_tokens (expires_at);
