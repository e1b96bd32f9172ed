-- One transactional outbox for the jobs that hot transactions owe (docs/decisions/014-job-outbox.md).
--
-- graphile_worker.add_job ends with pg_notify, and PostgreSQL serialises the commits of all notifying
-- transactions on one lock held through the commit record's flush. One NOTIFY per IPN (the receipt's
-- delivery job) capped the IPN at ~430/s on two cores, worker off. Jobs born in the credit now commit as
-- rows here and are moved into graphile-worker in batches (one add_jobs, one NOTIFY per batch) by the web
-- process right after the commit, and every minute by the cron task flush_job_outbox as the safety net.
-- This generalises payments' own e-mail outbox (00002), which it replaces.
create table job_outbox (
  id bigint generated always as identity primary key,
  task text not null check (task ~ '^[a-z_]{1,64}$'),
  payload jsonb not null default '{}'::jsonb,
  job_key text check (length(job_key) <= 200),
  max_attempts integer not null default 10 check (max_attempts between 1 and 100),
  created_at timestamptz not null default now()
);

-- Moves up to p_limit rows into graphile-worker in one transaction: the rows are deleted and their jobs
-- added together, in the order they were written; concurrent flushers skip each other's rows.
create function jobs_flush_outbox(p_limit int) returns int language plpgsql as $$
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

-- E-mails still owed in the old outbox move to the new one.
insert into job_outbox (task, payload, job_key, created_at)
select 'send_payment_confirmation', jsonb_build_object('attemptId', attempt_id), 'payment-confirmation:' || attempt_id, created_at
from payment_mail_outbox where enqueued_at is null order by created_at;

-- The credit: as in 00002, with the confirmation e-mail written to the job outbox.
create or replace function payments_apply_outcome(
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
    -- The confirmation e-mail commits with the credit, through the job outbox (no NOTIFY here).
    insert into job_outbox (task, payload, job_key) values ('send_payment_confirmation', jsonb_build_object('attemptId', a.id), 'payment-confirmation:' || a.id);
  else
    update payment_attempts set refund_review = true, refund_review_reason = 'notice-already-paid', updated_at = now() where id = a.id;
    insert into payment_events (attempt_id, kind, details)
    values (a.id, 'refund_review', jsonb_build_object('reason', 'notice-already-paid', 'source', p_source));
  end if;
  verdict := 'applied';
end;
$$;

-- Issuing a receipt: as in 00004, with the delivery job written to the job outbox.
create or replace function receipts_issue(p_attempt_id uuid, p_replaces_id uuid default null, p_payer_name text default null, p_payer_address text default null)
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
  insert into job_outbox (task, payload, job_key) values ('deliver_receipt', jsonb_build_object('receiptId', r.id), 'deliver-receipt:' || r.id);
  return r;
end;
$$;

drop function payments_flush_mail_outbox(int);
drop table payment_mail_outbox;
