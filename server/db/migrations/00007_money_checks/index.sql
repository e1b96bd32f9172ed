-- Money checks on the IPN (issue 10, item 8).
--
-- 1. A signed IPN whose vnp_Amount does not end in 00 (not a whole number of đồng: the gateway sends
--    the amount × 100) is an amount mismatch, answered 04 and, when money was taken, flagged for refund
--    review like any other wrong amount. It used to be "malformed" and answered 99, which VNPay retries.
-- 2. Unsigned (or wrongly signed) IPNs can be sent by anyone, so storing every one let a flood grow
--    gateway_notifications without bound. Each is now counted per hour in gateway_rejections (one row
--    per hour), and only the first 60 of an hour are kept as samples, their raw query cut to 2,048
--    characters; samples older than 30 days and counters older than 400 days are pruned by the first
--    rejection of each hour. Worst case: 60 × 24 × 30 = 43,200 sample rows of at most 2 KB (≈ 90 MB),
--    whatever the flood. Signed IPNs (only VNPay can sign) are all stored, as before.

create table gateway_rejections (
  window_start timestamptz primary key,
  -- unsigned IPNs received in the hour from window_start; least(received, 60) of them were kept
  received bigint not null default 0
);

create index gateway_notifications_unsigned_age on gateway_notifications (received_at) where signature_ok = false;

drop function payments_record_ipn(text, text, text, boolean, text, boolean, boolean, bigint, text, text, text, text, timestamptz);

-- As in 00002, plus p_vnp_amount (the vnp_Amount as received: digits, or null when absent or not
-- digits) and the bound on unsigned notifications.
create function payments_record_ipn(
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
