-- Receipt rules: the receipts domain's functions and triggers, the one definition of each in the repository.
-- Re-runnable: applied after the migrations at every start, under the migrations' advisory lock and in
-- their transaction (server/db/migrate.server.ts, RULES). Edit a function here and it is replaced at the
-- next start; a changed signature needs `drop function if exists name(old argument types);` first.
-- When a rule belongs in SQL: docs/decisions/054-rules-in-sql-or-typescript.md.

-- Issuing a receipt (docs/decisions/030-e-receipts.md): the next number of the office's series (row
-- locked by update … returning until commit: no gaps, no duplicates), the frozen content, and the
-- delivery job (through the job outbox, no NOTIFY here), all in the caller's transaction. Idempotent for
-- an attempt's original receipt. A payer identified by a tax code is an organisation: its receipt carries
-- payer.kind 'organisation' and the tax code in full; a person's ID number stays masked. The amount in
-- words is added when the receipt is signed (a pure function of the amount, server/receipts/words.ts).
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

-- The receipt is issued by the credit itself: whatever credits a notice (payments_apply_outcome for IPN
-- and querydr) issues its receipt in the same transaction, exactly once.
create or replace function receipts_on_credit() returns trigger language plpgsql as $$
begin
  perform receipts_issue(new.paid_attempt_id);
  return null;
end;
$$;
create or replace trigger fee_notices_issue_receipt after update of status on fee_notices
  for each row when (old.status is distinct from 'paid' and new.status = 'paid' and new.paid_attempt_id is not null)
  execute function receipts_on_credit();
