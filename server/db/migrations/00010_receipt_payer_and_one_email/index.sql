-- Issue 10: the receipt says who paid as the notice does, and the payer gets one e-mail per credit.
--
-- 1. A payer identified by a tax code (payer_id_kind 'tax') is an organisation: its receipt carries
--    payer.kind 'organisation' and the tax code in full (a business's tax code is public; a person's ID
--    number stays masked), so the receipt labels the name as an organisation's and the number as
--    "Mã số thuế". Receipts issued before keep their signed payload (no kind: a person).
-- 2. The credit no longer queues a separate payment confirmation e-mail: the receipt e-mail (deliver_receipt,
--    queued by receipts_issue in the same transaction) confirms the payment and carries the receipt. Two
--    e-mails arrived before, the first saying a receipt "will be issued" while the second was it.
--    Confirmation jobs already queued are answered by a task that sends nothing.

-- The credit: as in 00006 (00007 calls it unchanged), without the confirmation e-mail.
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
  -- A credit (credited = 1) issues the receipt (trigger fee_notices_issue_receipt), and the receipt's
  -- e-mail is the payer's one confirmation: no separate confirmation e-mail any more.
  if credited <> 1 then
    update payment_attempts set refund_review = true, refund_review_reason = 'notice-already-paid', updated_at = now() where id = a.id;
    insert into payment_events (attempt_id, kind, details)
    values (a.id, 'refund_review', jsonb_build_object('reason', 'notice-already-paid', 'source', p_source));
  end if;
  verdict := 'applied';
end;
$$;

-- Issuing a receipt: as in 00006, with the payer's kind.
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
    n.notice_number, n.payer_name, n.payer_id_kind, n.payer_id_number, n.payer_address, n.court_document_number, n.case_reference,
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
      'payer', jsonb_build_object('kind', case when src.payer_id_kind = 'tax' then 'organisation' else 'person' end,
        'name', coalesce(p_payer_name, src.payer_name),
        'idNumber', case when src.payer_id_kind = 'tax' then src.payer_id_number
          else repeat('•', greatest(length(src.payer_id_number) - 4, 0)) || right(src.payer_id_number, 4) end,
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

-- Confirmations still owed in the outbox are dropped: their receipt e-mail is queued with the credit.
delete from job_outbox where task = 'send_payment_confirmation';

-- 3. A reconciliation run keeps its totals: per payment state and for matched / auto-resolved /
--    mismatched attempts, a count and a sum in đồng (shape: ReconciliationTotals in
--    server/receipts/reconciliation.server.ts). Null for runs made before.
alter table reconciliation_runs add column totals jsonb;
