/**
 * Receipts scenario for `npm run bench` (bench/run.ts picks up bench/<area>.ts): receipt PDF generation in
 * process (receipts/s), then, over loopback against the running portal, the public verification page, the
 * receipt PDF route and the JWKS. The receipt is made for real: a notice and an attempt in the bench
 * database, then a signed IPN to the portal, which credits the notice and issues the receipt.
 */
import crypto from "node:crypto";
import autocannon from "autocannon";
import postgres from "postgres";
import { signParams } from "../server/payments";
import { renderReceiptPdf } from "../server/receipts";
import type { ReceiptContent } from "../server/receipts";

type Row = { name: string; requests: number; rps: number; p50: number; p99: number; errors: number; note?: string };
type Ctx = { baseUrl: string; databaseUrl: string; hashSecret: string; tmnCode: string; duration: number; connections: number };

async function load(name: string, url: string, ctx: Ctx, headers?: Record<string, string>): Promise<Row> {
  if (!["127.0.0.1", "localhost"].includes(new URL(url).hostname)) throw new Error("benchmarks target loopback only");
  const r = await autocannon({ url, duration: Math.min(ctx.duration, 30), connections: ctx.connections, headers });
  return { name, requests: r.requests.total, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}

async function pdfRate(ctx: Ctx, content: ReceiptContent): Promise<Row> {
  const times: number[] = [];
  const until = Date.now() + Math.min(ctx.duration, 30) * 1000;
  await renderReceiptPdf({ content, verifyUrl: `${ctx.baseUrl}/xac-minh-bien-lai/X`, kid: "bench", status: "valid", cancelledAt: null, replacedByNumber: null, locale: "vi" }); // warm the font
  const start = Date.now();
  while (Date.now() < until && times.length < 2000) {
    const t0 = performance.now();
    await renderReceiptPdf({ content, verifyUrl: `${ctx.baseUrl}/xac-minh-bien-lai/${times.length}`, kid: "bench", status: "valid", cancelledAt: null, replacedByNumber: null, locale: "vi" });
    times.push(performance.now() - t0);
  }
  const seconds = (Date.now() - start) / 1000;
  times.sort((a, b) => a - b);
  const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))]!);
  return { name: "receipt PDF generation (in process, one core)", requests: times.length, rps: Math.round(times.length / seconds), p50: q(0.5), p99: q(0.99), errors: 0, note: "receipts/s" };
}

async function makeReceipt(ctx: Ctx): Promise<{ code: string; content: ReceiptContent }> {
  const sql = postgres(ctx.databaseUrl, { max: 2, onnotice: () => {} });
  try {
    const [notice] = await sql<{ id: string; amount: number }[]>`
      select id, amount::int as amount from fee_notices where status = 'unpaid' order by notice_number limit 1`;
    if (!notice) throw new Error("no unpaid demo notice in the bench database");
    const txnRef = `TBENCH${crypto.randomBytes(6).toString("hex").toUpperCase()}`;
    await sql`
      insert into payment_attempts (notice_id, txn_ref, amount, state, locale, email, order_info, vnp_create_date, vnp_expire_date, expires_at)
      values (${notice.id}, ${txnRef}, ${notice.amount}, 'redirected', 'vi', 'bench@example.vn', 'Bench', '20260101000000', '20260101001500', now() + interval '15 minutes')`;
    const { query, hash } = signParams(ctx.hashSecret, {
      vnp_Amount: String(notice.amount * 100), vnp_BankCode: "NCB", vnp_OrderInfo: "Bench", vnp_PayDate: "20260101000500",
      vnp_ResponseCode: "00", vnp_TmnCode: ctx.tmnCode, vnp_TransactionNo: "99000001", vnp_TransactionStatus: "00", vnp_TxnRef: txnRef,
    });
    const reply = (await (await fetch(`${ctx.baseUrl}/payments/vnpay/ipn?${query}&vnp_SecureHash=${hash}`)).json()) as { RspCode: string };
    if (reply.RspCode !== "00") throw new Error(`bench IPN answered ${reply.RspCode}`);
    const [r] = await sql<{ code: string; payload: ReceiptContent }[]>`
      select r.code, r.payload from receipts r join payment_attempts p on p.id = r.attempt_id where p.txn_ref = ${txnRef}`;
    return { code: r!.code, content: r!.payload };
  } finally {
    await sql.end();
  }
}

export default async function run(ctx: Ctx): Promise<Row[]> {
  const { code, content } = await makeReceipt(ctx);
  await fetch(`${ctx.baseUrl}/xac-minh-bien-lai/${code}`); // signs it
  // The PDF is rendered once per version and stored (ADR 057): the first request stores it.
  const pdfUrl = `${ctx.baseUrl}/bien-lai/${code}/pdf`;
  const first = await fetch(pdfUrl, { headers: { "accept-language": "vi" } });
  const etag = first.headers.get("etag");
  await first.arrayBuffer();
  if (!etag || !/^"[0-9a-f]{64}"$/.test(etag)) throw new Error(`the receipt PDF has no strong ETag (${etag})`);
  const revalidate = await load("receipt PDF 304 revalidation (If-None-Match)", pdfUrl, ctx, { "accept-language": "vi", "if-none-match": etag });
  // autocannon counts a 304 as non-2xx: here it is the expected answer.
  revalidate.errors -= revalidate.requests;
  if (revalidate.errors < 0) revalidate.errors = 0;
  return [
    await pdfRate(ctx, content),
    await load("GET /xac-minh-bien-lai/:code (verification page, JWS check)", `${ctx.baseUrl}/xac-minh-bien-lai/${code}`, ctx),
    await load("stored receipt PDF (ETag 200) GET /bien-lai/:code/pdf", pdfUrl, ctx, { "accept-language": "vi" }),
    revalidate,
    await load("GET /.well-known/jwks.json", `${ctx.baseUrl}/.well-known/jwks.json`, ctx),
  ];
}
