-- Payments (issue 4): courts with API keys, fee notices, payment attempts with their event history,
-- and every gateway notification (IPN) stored raw.

create table courts (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[A-Z0-9_.-]{2,32}$'),
  name text not null check (length(name) between 3 and 255),
  -- SHA-256 of the court's API key: the key itself is shown once and never stored.
  api_key_hash bytea unique,
  active boolean not null default true,
  created_at timestamptz not null default now()
);

create type fee_notice_status as enum ('unpaid', 'paid', 'cancelled');
create type payer_id_kind as enum ('cccd', 'tax');

-- Thông báo nộp tiền tạm ứng án phí: the court's notice to pay an advance court fee.
create table fee_notices (
  id uuid primary key default gen_random_uuid(),
  notice_number text not null unique check (notice_number ~ '^TB-[0-9]{4}-[0-9]{7}$'),
  court_id uuid not null references courts (id),
  court_document_number text check (length(court_document_number) <= 64),
  case_reference text not null check (length(case_reference) between 1 and 200),
  payer_name text not null check (length(payer_name) between 2 and 200),
  payer_id_kind payer_id_kind not null,
  payer_id_number text not null check (payer_id_number ~ '^[0-9]{10}([0-9]{2}|[0-9]{3})?$'),
  payer_address text not null check (length(payer_address) between 3 and 300),
  amount bigint not null check (amount > 0 and amount <= 9999999999),
  due_date date not null,
  agency_id uuid not null references agencies (id),
  status fee_notice_status not null default 'unpaid',
  paid_at timestamptz,
  paid_attempt_id uuid,
  source text not null check (source in ('form', 'csv', 'court_api', 'seed')),
  created_by uuid references staff (id),
  created_at timestamptz not null default now(),
  check ((status = 'paid') = (paid_at is not null))
);
create index fee_notices_agency_idx on fee_notices (agency_id, created_at desc);

create type payment_state as enum ('created', 'redirected', 'succeeded', 'failed', 'cancelled', 'expired');

create table payment_attempts (
  id uuid primary key default gen_random_uuid(),
  notice_id uuid not null references fee_notices (id),
  txn_ref text not null unique,
  amount bigint not null check (amount > 0),
  state payment_state not null default 'created',
  locale text not null check (locale in ('vi', 'en')),
  email text not null,
  ip text,
  order_info text not null,
  -- vnp_CreateDate / vnp_ExpireDate as sent (GMT+7 strings): querydr needs the first verbatim.
  vnp_create_date text not null,
  vnp_expire_date text not null,
  expires_at timestamptz not null,
  response_code text,
  transaction_status text,
  transaction_no text,
  bank_code text,
  pay_date timestamptz,
  -- Money taken that must not be kept (notice already paid, wrong amount): the office decides.
  refund_review boolean not null default false,
  refund_review_reason text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  settled_at timestamptz
);
-- One open attempt per notice.
create unique index payment_attempts_one_open on payment_attempts (notice_id) where state in ('created', 'redirected');
create index payment_attempts_open_expiry on payment_attempts (expires_at) where state in ('created', 'redirected');
create index payment_attempts_notice_idx on payment_attempts (notice_id, created_at desc);
create index payment_attempts_refund_review on payment_attempts (created_at) where refund_review;

alter table fee_notices add constraint fee_notices_paid_attempt_fk foreign key (paid_attempt_id) references payment_attempts (id);

create table payment_events (
  id bigint generated always as identity primary key,
  attempt_id uuid not null references payment_attempts (id),
  at timestamptz not null default now(),
  kind text not null,
  from_state payment_state,
  to_state payment_state,
  details jsonb not null default '{}'::jsonb
);
create index payment_events_attempt_idx on payment_events (attempt_id, id);

-- Every IPN as received, before any check; the verdict is filled in after.
create table gateway_notifications (
  id bigint generated always as identity primary key,
  received_at timestamptz not null default now(),
  gateway text not null default 'vnpay',
  raw_query text not null,
  remote_ip text,
  txn_ref text,
  signature_ok boolean,
  rsp_code text,
  attempt_id uuid references payment_attempts (id),
  note text
);
create index gateway_notifications_txn_idx on gateway_notifications (txn_ref, id);

-- E-mails owed for credited payments, written in the credit's transaction and moved into the job queue
-- in batches (one NOTIFY per batch instead of one per IPN).
create table payment_mail_outbox (
  attempt_id uuid primary key references payment_attempts (id),
  created_at timestamptz not null default now(),
  enqueued_at timestamptz
);
create index payment_mail_outbox_pending on payment_mail_outbox (created_at) where enqueued_at is null;

-- Applying a verified gateway outcome (IPN or querydr) to a payment attempt, exactly once, in one round
-- trip (docs/decisions/012-payment-lifecycle.md). The row lock on the attempt serialises identical
-- notifications; the conditional update of the notice credits it at most once; money that cannot be
-- kept (wrong amount, notice already paid) is flagged for refund review, never dropped.
-- verdict: 'not-found' (IPN 01) · 'amount-mismatch' (04) · 'already' (02) · 'applied' (00)
create function payments_apply_outcome(
  p_txn_ref text, p_source text, p_paid boolean, p_amount bigint, p_response_code text,
  p_transaction_status text, p_transaction_no text, p_bank_code text, p_pay_date timestamptz,
  out verdict text, out attempt_id uuid
) language plpgsql as $$
declare
  a payment_attempts%rowtype;
  target payment_state;
  credited int;
begin
  select * into a from payment_attempts where txn_ref = p_txn_ref for update;
  if not found then
    verdict := 'not-found';
    return;
  end if;
  attempt_id := a.id;

  if p_amount <> a.amount then
    if p_paid and not a.refund_review then
      update payment_attempts set refund_review = true, refund_review_reason = 'amount-mismatch', updated_at = now() where id = a.id;
      insert into payment_events (attempt_id, kind, details)
      values (a.id, 'refund_review', jsonb_build_object('reason', 'amount-mismatch', 'source', p_source, 'amount', p_amount));
    end if;
    verdict := 'amount-mismatch';
    return;
  end if;

  if a.state = 'succeeded' then
    verdict := 'already';
    return;
  end if;

  if not p_paid then
    if a.state not in ('created', 'redirected') then
      verdict := 'already';
      return;
    end if;
    target := case p_response_code when '24' then 'cancelled' when '11' then 'expired' else 'failed' end;
    update payment_attempts set state = target, response_code = p_response_code, transaction_status = p_transaction_status,
      transaction_no = p_transaction_no, bank_code = p_bank_code, settled_at = now(), updated_at = now()
    where id = a.id;
    insert into payment_events (attempt_id, kind, from_state, to_state, details)
    values (a.id, p_source, a.state, target, jsonb_build_object('responseCode', p_response_code, 'transactionStatus', p_transaction_status));
    verdict := 'applied';
    return;
  end if;

  -- Paid. Money that arrives for an attempt no longer open (superseded, expired) is still recorded.
  update payment_attempts set state = 'succeeded', response_code = p_response_code, transaction_status = p_transaction_status,
    transaction_no = p_transaction_no, bank_code = p_bank_code, pay_date = p_pay_date, settled_at = now(), updated_at = now()
  where id = a.id;
  insert into payment_events (attempt_id, kind, from_state, to_state, details)
  values (a.id, p_source, a.state, 'succeeded', jsonb_build_object('responseCode', p_response_code, 'transactionNo', p_transaction_no,
    'bankCode', p_bank_code, 'late', a.state not in ('created', 'redirected')));
  update fee_notices set status = 'paid', paid_at = now(), paid_attempt_id = a.id where id = a.notice_id and status = 'unpaid';
  get diagnostics credited = row_count;
  if credited = 1 then
    -- The confirmation e-mail commits with the credit (outbox rule): a row here, moved into
    -- graphile-worker in batches by payments_flush_mail_outbox (add_job's NOTIFY would serialise the
    -- commit of every IPN; see docs/decisions/012-payment-lifecycle.md).
    insert into payment_mail_outbox (attempt_id) values (a.id);
  else
    update payment_attempts set refund_review = true, refund_review_reason = 'notice-already-paid', updated_at = now() where id = a.id;
    insert into payment_events (attempt_id, kind, details)
    values (a.id, 'refund_review', jsonb_build_object('reason', 'notice-already-paid', 'source', p_source));
  end if;
  verdict := 'applied';
end;
$$;

-- The IPN in one round trip: the raw notification is inserted first; a failed signature (or a signed
-- message we cannot read) records its verdict and touches nothing else; otherwise the outcome is
-- applied inside a sub-transaction, so that an unexpected error still leaves the raw row (answer 99).
create function payments_record_ipn(
  p_raw text, p_remote_ip text, p_txn_ref text, p_signature_ok boolean, p_note text, p_tmn_ok boolean,
  p_paid boolean, p_amount bigint, p_response_code text, p_transaction_status text, p_transaction_no text,
  p_bank_code text, p_pay_date timestamptz,
  out rsp_code text, out error text
) language plpgsql as $$
declare
  nid bigint;
  v_verdict text;
  v_attempt uuid;
begin
  if not p_signature_ok then
    insert into gateway_notifications (raw_query, remote_ip, txn_ref, signature_ok, rsp_code)
    values (p_raw, p_remote_ip, p_txn_ref, false, '97');
    rsp_code := '97';
    return;
  end if;
  insert into gateway_notifications (raw_query, remote_ip, txn_ref, signature_ok)
  values (p_raw, p_remote_ip, p_txn_ref, true) returning id into nid;
  if p_note is not null then
    update gateway_notifications set rsp_code = '99', note = p_note where id = nid;
    rsp_code := '99';
    return;
  end if;
  begin
    if not p_tmn_ok then
      rsp_code := '01';
    else
      select o.verdict, o.attempt_id into v_verdict, v_attempt
      from payments_apply_outcome(p_txn_ref, 'ipn', p_paid, p_amount, p_response_code, p_transaction_status,
        p_transaction_no, p_bank_code, p_pay_date) o;
      rsp_code := case v_verdict when 'applied' then '00' when 'already' then '02' when 'amount-mismatch' then '04' else '01' end;
    end if;
    update gateway_notifications set rsp_code = payments_record_ipn.rsp_code, attempt_id = v_attempt where id = nid;
  exception when others then
    error := sqlstate || ': ' || sqlerrm;
    update gateway_notifications set rsp_code = '99', note = left(error, 500) where id = nid;
    rsp_code := '99';
  end;
end;
$$;

-- Moves up to p_limit owed e-mails into graphile-worker as send_payment_confirmation jobs, in one
-- transaction (rows are marked and jobs added together; concurrent flushers skip each other's rows).
create function payments_flush_mail_outbox(p_limit int) returns int language plpgsql as $$
declare
  ids uuid[];
begin
  with batch as (
    select attempt_id from payment_mail_outbox where enqueued_at is null order by created_at limit p_limit
    for update skip locked
  ), marked as (
    update payment_mail_outbox o set enqueued_at = now() from batch where o.attempt_id = batch.attempt_id
    returning o.attempt_id
  )
  select array_agg(attempt_id) into ids from marked;
  if ids is null then
    return 0;
  end if;
  perform graphile_worker.add_jobs(array(
    select row('send_payment_confirmation', json_build_object('attemptId', id), null, null, 10, null, null, null)::graphile_worker.job_spec
    from unnest(ids) as id));
  return cardinality(ids);
end;
$$;
