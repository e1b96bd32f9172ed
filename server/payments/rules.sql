-- Payment rules: the payments domain's functions and triggers, the one definition of each in the repository.
-- Re-runnable: applied after the migrations at every start, under the migrations' advisory lock and in
-- their transaction (server/db/migrate.server.ts, RULES). Edit a function here and it is replaced at the
-- next start; a changed signature needs `drop function if exists name(old argument types);` first.
-- When a rule belongs in SQL: docs/decisions/054-rules-in-sql-or-typescript.md.

-- Applying a verified gateway outcome (IPN or querydr) to a payment attempt, exactly once, in one round
-- trip (docs/decisions/012-payment-lifecycle.md). The row lock on the attempt serialises identical
-- notifications; the conditional update of the notice credits it at most once; money that cannot be
-- kept (wrong amount, notice already paid) is flagged for refund review, never dropped. A credit issues
-- the notice's receipt in the same transaction (trigger fee_notices_issue_receipt, server/receipts/rules.sql),
-- and the receipt's e-mail is the payer's one confirmation.
-- verdict: 'not-found' (IPN 01) · 'amount-mismatch' (04) · 'already' (02) · 'applied' (00)
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

-- The IPN in one round trip: the raw notification is inserted first; a failed signature (or a signed
-- message we cannot read) records its verdict and touches nothing else; otherwise the outcome is
-- applied inside a sub-transaction, so that an unexpected error still leaves the raw row (answer 99).
-- p_vnp_amount is the vnp_Amount as received (digits, or null when absent or not digits): one not ending
-- in 00 is not a whole number of đồng, an amount mismatch (04). Unsigned notifications are counted per
-- hour in gateway_rejections and only the first 60 of an hour kept as samples, their raw query cut to
-- 2,048 characters; samples older than 30 days and counters older than 400 days are pruned by the first
-- rejection of each hour. Signed IPNs (only VNPay can sign) are all stored.
create or replace function payments_record_ipn(
  p_raw text, p_remote_ip text, p_txn_ref text, p_signature_ok boolean, p_note text, p_tmn_ok boolean,
  p_paid boolean, p_amount bigint, p_response_code text, p_transaction_status text, p_transaction_no text,
  p_bank_code text, p_pay_date timestamptz, p_vnp_amount text default null,
  out rsp_code text, out error text
) language plpgsql as $$
declare
  samples_per_hour constant int := 60;
  sample_chars constant int := 2048;
  nid bigint;
  v_verdict text;
  v_attempt uuid;
  v_seen bigint;
  a payment_attempts%rowtype;
begin
  if not p_signature_ok then
    insert into gateway_rejections as r (window_start, received) values (date_trunc('hour', now()), 1)
    on conflict (window_start) do update set received = r.received + 1
    returning r.received into v_seen;
    if v_seen <= samples_per_hour then
      insert into gateway_notifications (raw_query, remote_ip, txn_ref, signature_ok, rsp_code)
      values (left(p_raw, sample_chars), left(p_remote_ip, 64), left(p_txn_ref, 100), false, '97');
    end if;
    if v_seen = 1 then
      delete from gateway_notifications where signature_ok = false and received_at < now() - interval '30 days';
      delete from gateway_rejections where window_start < now() - interval '400 days';
    end if;
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
    elsif p_vnp_amount is not null and p_vnp_amount !~ '00$' then
      -- Not a whole number of đồng: it can match no attempt (their amounts are whole đồng).
      select * into a from payment_attempts where txn_ref = p_txn_ref for update;
      if not found then
        rsp_code := '01';
      else
        v_attempt := a.id;
        if p_paid and not a.refund_review then
          update payment_attempts set refund_review = true, refund_review_reason = 'amount-mismatch', updated_at = now() where id = a.id;
          insert into payment_events (attempt_id, kind, details)
          values (a.id, 'refund_review', jsonb_build_object('reason', 'amount-mismatch', 'source', 'ipn', 'amount', p_amount, 'vnpAmount', p_vnp_amount));
        end if;
        rsp_code := '04';
      end if;
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
