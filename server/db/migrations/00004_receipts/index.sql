-- Receipts (issue 5): electronic receipts with gapless numbers per office and year, their cancellation
-- and replacement, reconciliation runs with the gateway, and refunds decided by the office.

-- One numbering series per issuing office and year: the row is locked by `update … returning` inside the
-- crediting transaction, so numbers have no gaps and no duplicates.
create table receipt_counters (
  agency_id uuid not null references agencies (id),
  year integer not null check (year between 2000 and 2999),
  -- Mẫu số and ký hiệu as registered by the office (demo defaults, see docs/decisions/030-e-receipts.md).
  form_number text not null default '01BLTP-001' check (length(form_number) between 1 and 20),
  symbol text not null check (length(symbol) between 1 and 20),
  last_number integer not null default 0 check (last_number >= 0),
  primary key (agency_id, year)
);

create type receipt_status as enum ('valid', 'cancelled');

create table receipts (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  year integer not null,
  number integer not null check (number > 0),
  form_number text not null,
  symbol text not null,
  attempt_id uuid not null references payment_attempts (id),
  notice_id uuid not null references fee_notices (id),
  amount bigint not null check (amount > 0),
  -- The receipt's content exactly as signed (JSON), and its JWS once signed (see signing.server.ts).
  payload jsonb not null,
  jws text,
  kid text,
  -- The capability in the QR code and the links: unguessable, never a counter.
  code text not null unique check (code ~ '^[A-Za-z0-9]{20,40}$'),
  issued_at timestamptz not null default now(),
  status receipt_status not null default 'valid',
  cancelled_at timestamptz,
  cancelled_by uuid references staff (id),
  cancel_reason text check (length(cancel_reason) <= 500),
  replaces_id uuid references receipts (id),
  replaced_by_id uuid references receipts (id),
  unique (agency_id, year, number),
  check ((status = 'cancelled') = (cancelled_at is not null)),
  check (status = 'cancelled' or replaced_by_id is null)
);
-- Exactly one original receipt per payment attempt, and at most one valid receipt per attempt.
create unique index receipts_one_per_attempt on receipts (attempt_id) where replaces_id is null;
create unique index receipts_one_valid_per_attempt on receipts (attempt_id) where status = 'valid';
create index receipts_agency_idx on receipts (agency_id, issued_at desc);

-- Đối soát: one run per office and day (or button press), and what it found.
create table reconciliation_runs (
  id uuid primary key default gen_random_uuid(),
  agency_id uuid not null references agencies (id),
  day date not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  triggered_by uuid references staff (id),
  checked integer not null default 0,
  summary jsonb not null default '{}'::jsonb
);
create index reconciliation_runs_agency_idx on reconciliation_runs (agency_id, day desc, started_at desc);

create table reconciliation_items (
  id bigint generated always as identity primary key,
  run_id uuid not null references reconciliation_runs (id) on delete cascade,
  kind text not null check (kind in ('paid_without_receipt', 'receipt_without_payment', 'amount_mismatch', 'gateway_paid_we_pending')),
  attempt_id uuid references payment_attempts (id),
  receipt_id uuid references receipts (id),
  txn_ref text,
  our_state text,
  gateway_status text,
  our_amount bigint,
  gateway_amount bigint,
  resolved boolean not null default false,
  resolution text,
  note text
);
create index reconciliation_items_run_idx on reconciliation_items (run_id, id);

-- Refunds: the accountant proposes, the head of office (another person) decides, then the gateway runs it.
create type refund_state as enum ('proposed', 'approved', 'rejected', 'refunded', 'failed');

create table refunds (
  id uuid primary key default gen_random_uuid(),
  attempt_id uuid not null references payment_attempts (id),
  agency_id uuid not null references agencies (id),
  amount bigint not null check (amount > 0),
  reason text not null check (length(reason) between 5 and 500),
  state refund_state not null default 'proposed',
  proposed_by uuid not null references staff (id),
  proposed_at timestamptz not null default now(),
  decided_by uuid references staff (id),
  decided_at timestamptz,
  decision_note text check (length(decision_note) <= 500),
  gateway_response_code text,
  gateway_message text,
  gateway_transaction_no text,
  completed_at timestamptz,
  updated_at timestamptz not null default now(),
  -- Four eyes, in the database too: whoever decides is not whoever proposed.
  constraint refunds_second_person check (decided_by is null or decided_by <> proposed_by),
  constraint refunds_decided check ((state = 'proposed') = (decided_by is null)),
  check ((state in ('refunded', 'failed')) = (completed_at is not null))
);
create index refunds_agency_idx on refunds (agency_id, proposed_at desc);
create index refunds_attempt_idx on refunds (attempt_id);
-- One refund in flight per payment.
create unique index refunds_one_open on refunds (attempt_id) where state in ('proposed', 'approved');

-- Issuing a receipt (docs/decisions/030-e-receipts.md): the next number of the office's series (row
-- locked by update … returning until commit: no gaps, no duplicates), the frozen content, and the
-- delivery job, all in the caller's transaction. Idempotent for an attempt's original receipt. The amount
-- in words is added when the receipt is signed (a pure function of the amount, server/receipts/words.ts).
create function receipts_issue(p_attempt_id uuid, p_replaces_id uuid default null, p_payer_name text default null, p_payer_address text default null)
returns receipts language plpgsql as $$
declare
  src record;
  yr int;
  c receipt_counters%rowtype;
  old receipts%rowtype;
  r receipts%rowtype;
  alphabet constant text := 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  bytes bytea := substr(uuid_send(gen_random_uuid()), 1, 6) || substr(uuid_send(gen_random_uuid()), 10, 7)
    || substr(uuid_send(gen_random_uuid()), 1, 6) || substr(uuid_send(gen_random_uuid()), 10, 7);
  code text := '';
  iso constant text := 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"';
begin
  if p_replaces_id is null then
    select * into r from receipts where attempt_id = p_attempt_id and replaces_id is null;
    if found then
      return r;
    end if;
  else
    select * into old from receipts where id = p_replaces_id;
  end if;
  select p.id, p.notice_id, p.state, p.amount, p.txn_ref, p.transaction_no, p.bank_code, coalesce(p.pay_date, p.settled_at, now()) as paid_at,
    n.notice_number, n.payer_name, n.payer_id_number, n.payer_address, n.court_document_number, n.case_reference,
    ct.name as court_name, a.id as agency_id, a.code as agency_code, a.name as agency_name, a.address as agency_address
  into src
  from payment_attempts p join fee_notices n on n.id = p.notice_id join courts ct on ct.id = n.court_id join agencies a on a.id = n.agency_id
  where p.id = p_attempt_id;
  if not found or src.state <> 'succeeded' then
    raise exception 'receipt refused: attempt % is not a succeeded payment', p_attempt_id;
  end if;
  yr := extract(year from (now() at time zone 'Asia/Ho_Chi_Minh'))::int;
  insert into receipt_counters (agency_id, year, symbol) values (src.agency_id, yr, 'TA/' || lpad((yr % 100)::text, 2, '0') || 'E')
  on conflict (agency_id, year) do nothing;
  update receipt_counters set last_number = last_number + 1 where agency_id = src.agency_id and year = yr returning * into c;
  for i in 0..23 loop
    code := code || substr(alphabet, (get_byte(bytes, i) % 32) + 1, 1);
  end loop;
  insert into receipts (agency_id, year, number, form_number, symbol, attempt_id, notice_id, amount, payload, code, issued_at, replaces_id)
  values (src.agency_id, yr, c.last_number, c.form_number, c.symbol, src.id, src.notice_id, src.amount,
    jsonb_build_object(
      'formNumber', c.form_number, 'symbol', c.symbol, 'number', lpad(c.last_number::text, 7, '0'), 'year', yr,
      'office', jsonb_build_object('code', src.agency_code, 'name', src.agency_name, 'address', src.agency_address),
      'payer', jsonb_build_object('name', coalesce(p_payer_name, src.payer_name),
        'idNumber', repeat('•', greatest(length(src.payer_id_number) - 4, 0)) || right(src.payer_id_number, 4),
        'address', coalesce(p_payer_address, src.payer_address)),
      'reason', jsonb_build_object('text', 'Nộp tiền tạm ứng án phí theo thông báo số ' || src.notice_number, 'noticeNumber', src.notice_number,
        'court', src.court_name, 'courtDocumentNumber', src.court_document_number, 'caseReference', src.case_reference),
      'amount', src.amount, 'currency', 'VND',
      'method', jsonb_build_object('name', 'VNPay', 'txnRef', src.txn_ref, 'transactionNo', src.transaction_no, 'bankCode', src.bank_code),
      'paidAt', to_char(src.paid_at at time zone 'UTC', iso), 'issuedAt', to_char(now() at time zone 'UTC', iso),
      'replaces', case when p_replaces_id is null then null
        else jsonb_build_object('symbol', old.symbol, 'number', lpad(old.number::text, 7, '0'), 'code', old.code) end),
    code, now(), p_replaces_id)
  returning * into r;
  perform graphile_worker.add_job('deliver_receipt', json_build_object('receiptId', r.id), job_key => 'deliver-receipt:' || r.id, max_attempts => 10);
  return r;
end;
$$;

-- The receipt is issued by the credit itself: whatever credits a notice (payments_apply_outcome for IPN
-- and querydr) issues its receipt in the same transaction, exactly once.
create function receipts_on_credit() returns trigger language plpgsql as $$
begin
  perform receipts_issue(new.paid_attempt_id);
  return null;
end;
$$;
create trigger fee_notices_issue_receipt after update of status on fee_notices
  for each row when (old.status is distinct from 'paid' and new.status = 'paid' and new.paid_attempt_id is not null)
  execute function receipts_on_credit();
