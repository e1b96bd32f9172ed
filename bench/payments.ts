import crypto from "node:crypto";
import postgres from "postgres";
import { signParams } from "../server/payments";
import { cpuPer, cpuSnapshot, load, type BenchRow } from "./lib";
import { redirectedAttempt } from "../scripts/local-portal";

/**
 * IPN benchmark (issue 4): creates N notices with one open attempt each directly in the database, then
 * fires valid, distinct, signed "paid" IPNs at GET /payments/vnpay/ipn with autocannon (loopback only,
 * bounded in time), and finally checks that nothing was credited twice.
 */
export type BenchContext = {
  baseUrl: string;
  databaseUrl: string;
  hashSecret: string;
  tmnCode: string;
  duration?: number;
  connections?: number;
  pids?: { web?: number; worker?: number };
};
/** More notices than the server can take in the window, so that every IPN is a first, distinct one. */
const NOTICES = 20_000;

async function prepare(sql: postgres.Sql, runId: string, count: number) {
  const [court] = await sql<{ id: string }[]>`
    insert into courts (code, name) values ('BENCH-COURT', 'Tòa án dùng cho đo hiệu năng')
    on conflict (code) do update set name = excluded.name returning id`;
  const [agency] = await sql<{ id: string }[]>`select id from agencies where level = 'district' order by code limit 1`;
  if (!agency) throw new Error("bench needs at least one district agency (run the seed)");
  const year = `9${runId.slice(0, 3)}`;
  const notices = Array.from({ length: count }, (_, i) => ({
    notice_number: `TB-${year}-${String(i).padStart(7, "0")}`,
    court_id: court!.id,
    case_reference: `Bench ${runId} #${i}`,
    payer_name: "Người nộp thử",
    payer_id_kind: "cccd",
    payer_id_number: "001085012345",
    payer_address: "Hà Nội",
    amount: 100_000 + (i % 1000) * 1000,
    due_date: "2030-12-31",
    agency_id: agency.id,
    source: "seed",
  }));
  const ids: { id: string; amount: number }[] = [];
  for (let i = 0; i < notices.length; i += 2000) {
    ids.push(...(await sql<{ id: string; amount: number }[]>`insert into fee_notices ${sql(notices.slice(i, i + 2000))} returning id, amount::int as amount`));
  }
  const attempts = ids.map((n, i) => redirectedAttempt(n, i, { txnRef: `B${runId}${String(i).padStart(7, "0")}`, label: "Bench" }));
  for (let i = 0; i < attempts.length; i += 2000) await sql`insert into payment_attempts ${sql(attempts.slice(i, i + 2000))}`;
  // As a live database would be: statistics known, so autovacuum does not analyse 40,000 new rows during the run.
  await sql`vacuum analyze fee_notices, payment_attempts`;
  return attempts;
}

/**
 * What the burst left to the job runner (a signed receipt with its PDF and e-mail, and a confirmation
 * e-mail, per credit): how long until the outbox and the queue are empty, as jobs per second. Bounded:
 * after DRAIN_LIMIT_S it reports what is left.
 */
const DRAIN_LIMIT_S = Number(process.env.BENCH_DRAIN_LIMIT_S ?? 240);
async function drainJobs(sql: postgres.Sql, credits: number): Promise<BenchRow> {
  const pending = async () => {
    const [row] = await sql<{ n: number }[]>`
      select (select count(*) from job_outbox)::int + (select count(*) from graphile_worker.jobs
        where task_identifier in ('deliver_receipt', 'send_payment_confirmation'))::int as n`;
    return row!.n;
  };
  const start = performance.now();
  const before = await pending();
  let left = before;
  while (left > 0 && performance.now() - start < DRAIN_LIMIT_S * 1000) {
    await new Promise((r) => setTimeout(r, 250));
    left = await pending();
  }
  const seconds = (performance.now() - start) / 1000;
  const done = before - left;
  const [mail] = await sql<{ n: number }[]>`select count(*)::int as n from mail_outbox`;
  return {
    name: "job runner after the burst: receipts (JWS, PDF, e-mail) and confirmations",
    requests: done,
    rps: Math.round(done / Math.max(seconds, 0.001)),
    p50: 0,
    p99: 0,
    errors: left,
    note: `${before} jobs waiting when the burst ended (${credits} credits), ${done} done in ${seconds.toFixed(1)} s, ${left} left; ${mail!.n} e-mails in the outbox`,
  };
}

export default async function run(ctx: BenchContext): Promise<BenchRow[]> {
  const duration = ctx.duration ?? 10;
  const connections = ctx.connections ?? 10;
  const sql = postgres(ctx.databaseUrl, { max: 4, onnotice: () => {} });
  const runId = crypto.randomBytes(2).toString("hex").replace(/[a-f]/g, (c) => String(c.charCodeAt(0) % 10));
  try {
    const attempts = await prepare(sql, runId, NOTICES);
    const paths = attempts.map((a, i) => {
      const params = {
        vnp_Amount: String(a.amount * 100),
        vnp_BankCode: "NCB",
        vnp_BankTranNo: `VNP${20_000_000 + i}`,
        vnp_CardType: "ATM",
        vnp_OrderInfo: "Nop tam ung an phi bench",
        vnp_PayDate: "20260101000500",
        vnp_ResponseCode: "00",
        vnp_TmnCode: ctx.tmnCode,
        vnp_TransactionNo: String(20_000_000 + i),
        vnp_TransactionStatus: "00",
        vnp_TxnRef: a.txn_ref,
      };
      const { query, hash } = signParams(ctx.hashSecret, params);
      return `/payments/vnpay/ipn?${query}&vnp_SecureHash=${hash}`;
    });
    let next = 0;
    const cpuBefore = cpuSnapshot(ctx.pids ?? {});
    // load() refuses anything but loopback.
    const row = await load("IPN: valid, distinct, signed (GET /payments/vnpay/ipn)", {
      url: ctx.baseUrl,
      connections,
      duration,
      requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length]! }) }],
    });
    const cpuAfter = cpuSnapshot(ctx.pids ?? {});
    const sent = Math.min(next, paths.length);
    const refs = attempts.slice(0, sent).map((a) => a.txn_ref);
    const [check] = await sql<{ succeeded: number; paid: number; double_events: number; replies_00: number; replies_other: number }[]>`
      with mine as (select id, notice_id from payment_attempts where txn_ref = any(${refs}))
      select
        (select count(*)::int from payment_attempts p join mine using (id) where p.state = 'succeeded') as succeeded,
        (select count(*)::int from fee_notices n join mine m on m.notice_id = n.id where n.status = 'paid') as paid,
        (select count(*)::int from (select e.attempt_id from payment_events e join mine m on m.id = e.attempt_id
           where e.to_state = 'succeeded' group by e.attempt_id having count(*) > 1) d) as double_events,
        (select count(*)::int from gateway_notifications g where g.txn_ref = any(${refs}) and g.rsp_code = '00') as replies_00,
        (select count(*)::int from gateway_notifications g where g.txn_ref = any(${refs}) and g.rsp_code <> '00') as replies_other`;
    const c = check!;
    const drain = await drainJobs(sql, sent);
    const doubleCredit = c.double_events > 0 || c.paid !== c.succeeded || c.replies_00 !== c.succeeded;
    return [
      {
        ...row,
        errors: row.errors + c.replies_other,
        note:
          `credited ${c.paid} notices for ${c.succeeded} successful attempts, ${c.replies_00} replies 00, ` +
          `${c.replies_other} other; ${doubleCredit ? "DOUBLE CREDIT OR MISMATCH" : "no double credit"}; ` +
          cpuPer(cpuBefore, cpuAfter, sent, "IPN"),
      },
      drain,
    ];
  } finally {
    await sql.end({ timeout: 5 });
  }
}
