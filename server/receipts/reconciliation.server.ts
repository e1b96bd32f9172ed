import { stringify } from "csv-stringify/sync";
import type { Pool, Sql } from "../db";
import { scopedAgencies } from "../agencies";
import { isUuid } from "../../vocabulary/identity";
import type { Config, Logger } from "../config";
import { audit } from "../audit";
import { vnpayFor, settleWithQuery, type Attempt } from "../payments";
import { issueReceipt } from "./receipts.server";

/**
 * Đối soát (docs/decisions/032-reconciliation.md): for one office and one day (Vietnam time), compares
 * our payment attempts, the gateway's view of each (querydr) and our receipts. Finds:
 *   paid_without_receipt · receipt_without_payment · amount_mismatch · gateway_paid_we_pending
 * and resolves what it safely can (settles an open attempt from the gateway's answer, issues a receipt
 * that was never issued); a paid amount that differs from ours is never treated as paid: it goes to
 * refund review. The rest is listed for the accountant (and exported as CSV).
 */
export type MismatchKind = "paid_without_receipt" | "receipt_without_payment" | "amount_mismatch" | "gateway_paid_we_pending";
export const MISMATCH_KINDS: MismatchKind[] = ["paid_without_receipt", "receipt_without_payment", "amount_mismatch", "gateway_paid_we_pending"];

export type Item = {
  kind: MismatchKind;
  attemptId: string;
  receiptId: string | null;
  txnRef: string;
  ourState: string;
  gatewayStatus: string | null;
  ourAmount: number;
  gatewayAmount: number | null;
  resolved: boolean;
  resolution: "receipt_issued" | "settled" | "refund_review" | null;
  note: string | null;
};

type Deps = { sql: Pool; config: Config; log: Logger };

/** A count of attempts and their sum in đồng. */
export type CountSum = { count: number; sum: number };
/**
 * A run's totals over the attempts it checked, in their state after the run: per payment state, and by
 * outcome: matched (nothing found), resolved (found and put right by the run), mismatched (left for the
 * accountant).
 */
export type ReconciliationTotals = {
  byState: Partial<Record<"created" | "redirected" | "succeeded" | "failed" | "cancelled" | "expired", CountSum>>;
  matched: CountSum;
  resolved: CountSum;
  mismatched: CountSum;
  all: CountSum;
};

/** Adds up a run's attempts: `states` maps each checked attempt to its state and amount after the run. */
export function reconciliationTotals(states: { id: string; state: string; amount: number }[], items: Pick<Item, "attemptId" | "resolved">[]): ReconciliationTotals {
  const add = (t: CountSum, amount: number) => ((t.count += 1), (t.sum += amount), t);
  const zero = (): CountSum => ({ count: 0, sum: 0 });
  const totals: ReconciliationTotals = { byState: {}, matched: zero(), resolved: zero(), mismatched: zero(), all: zero() };
  for (const a of states) {
    const found = items.filter((i) => i.attemptId === a.id);
    const state = a.state as keyof ReconciliationTotals["byState"];
    add((totals.byState[state] ??= zero()), a.amount);
    add(found.length === 0 ? totals.matched : found.every((i) => i.resolved) ? totals.resolved : totals.mismatched, a.amount);
    add(totals.all, a.amount);
  }
  return totals;
}
type Row = Attempt & { credited: boolean; any_receipts: number; valid_receipt_id: string | null; valid_receipt_amount: number | null; refund_review_reason: string | null };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

async function flagRefundReview(sql: Pool, attemptId: string, gatewayAmount: number) {
  await sql.begin(async (tx) => {
    const updated = await tx`
      update payment_attempts set refund_review = true, refund_review_reason = coalesce(refund_review_reason, 'amount-mismatch'), updated_at = now()
      where id = ${attemptId} and not refund_review`;
    if (updated.count) {
      await tx`insert into payment_events (attempt_id, kind, details)
        values (${attemptId}, 'refund_review', ${tx.json({ reason: "amount-mismatch", source: "reconciliation", amount: gatewayAmount })})`;
    }
  });
}

/** Runs one reconciliation and stores it (run + items); returns the run id and what it found. */
export async function reconcile(deps: Deps, { agencyId, day, triggeredBy }: { agencyId: string; day: string; triggeredBy: string | null }) {
  if (!DAY.test(day)) throw new RangeError("day must be YYYY-MM-DD");
  const { sql, log } = deps;
  const vnpay = vnpayFor(deps.config);
  const rows = await sql<Row[]>`
    select p.*, (n.paid_attempt_id = p.id) as credited,
      (select count(*)::int from receipts r where r.attempt_id = p.id) as any_receipts,
      (select r.id from receipts r where r.attempt_id = p.id and r.status = 'valid') as valid_receipt_id,
      (select r.amount from receipts r where r.attempt_id = p.id and r.status = 'valid') as valid_receipt_amount
    from payment_attempts p join fee_notices n on n.id = p.notice_id
    where n.agency_id = ${agencyId} and p.state <> 'created'
      and ((p.created_at at time zone 'Asia/Ho_Chi_Minh')::date = ${day}::date
        or exists (select 1 from receipts r where r.attempt_id = p.id and (r.issued_at at time zone 'Asia/Ho_Chi_Minh')::date = ${day}::date))
    order by p.created_at`;

  const items: Item[] = [];
  const base = (r: Row) => ({ attemptId: r.id, receiptId: r.valid_receipt_id, txnRef: r.txn_ref, ourState: r.state, ourAmount: r.amount });
  for (const r of rows) {
    let info: Awaited<ReturnType<typeof vnpay.transactions.retrieve>> | null = null;
    try {
      info = await vnpay.transactions.retrieve({ txnRef: r.txn_ref, orderInfo: r.order_info, transactionDate: r.vnp_create_date, transactionNo: r.transaction_no });
    } catch (err) {
      log.warn({ err, txnRef: r.txn_ref }, "reconciliation: querydr failed");
    }
    const gwStatus = info ? (info.found ? info.transactionStatus : `not-found:${info.responseCode}`) : "unreachable";
    const gwPaid = Boolean(info?.paid) || (info?.found === true && ["05", "06"].includes(info.transactionStatus ?? "")); // refunds in progress were paid
    const gwAmount = info?.amount ?? null;
    const item = (kind: MismatchKind, extra: Partial<Item> = {}): Item => ({
      kind, ...base(r), gatewayStatus: gwStatus, gatewayAmount: gwAmount, resolved: false, resolution: null, note: null, ...extra,
    });

    // 1. Amounts: what the gateway took, what we expected, what the receipt says.
    const gatewayAmountDiffers = gwPaid && gwAmount !== null && gwAmount !== r.amount;
    const reviewMismatch = r.refund_review && r.refund_review_reason === "amount-mismatch";
    if (gatewayAmountDiffers || reviewMismatch) {
      if (gatewayAmountDiffers) await flagRefundReview(sql, r.id, gwAmount!);
      items.push(item("amount_mismatch", { resolution: "refund_review" }));
      continue; // never treated as paid: no settling, no receipt
    }
    if (r.valid_receipt_id && r.valid_receipt_amount !== r.amount) items.push(item("amount_mismatch"));

    // 2. The gateway says paid, we do not.
    const open = r.state === "created" || r.state === "redirected";
    if (gwPaid && r.state !== "succeeded") {
      if (open) {
        const state = await settleWithQuery({ sql, vnpay, log }, { attemptId: r.id, expireIfUnknown: false });
        const [after] = await sql<{ id: string }[]>`select id from receipts where attempt_id = ${r.id} and status = 'valid'`;
        items.push(item("gateway_paid_we_pending", { resolved: state === "succeeded", resolution: state === "succeeded" ? "settled" : null, receiptId: after?.id ?? null, ourState: state ?? r.state }));
      } else {
        items.push(item("gateway_paid_we_pending", { note: "closed-before-gateway-success" }));
      }
      continue;
    }

    // 3. We hold a valid receipt, but there is no successful payment behind it.
    if (r.valid_receipt_id && (r.state !== "succeeded" || (info !== null && !gwPaid))) {
      items.push(item("receipt_without_payment"));
      continue;
    }

    // 4. Paid and credited, but no valid receipt.
    if (r.state === "succeeded" && r.credited && !r.valid_receipt_id) {
      if (r.any_receipts === 0) {
        const issued = await sql.begin(async (tx) => {
          await tx`select 1 from payment_attempts where id = ${r.id} for update`;
          return issueReceipt(tx, { attemptId: r.id });
        });
        items.push(item("paid_without_receipt", { resolved: true, resolution: "receipt_issued", receiptId: issued.id }));
      } else {
        items.push(item("paid_without_receipt", { note: "receipt-cancelled-without-replacement" }));
      }
    }
  }

  const summary = Object.fromEntries(MISMATCH_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length]));
  const after = rows.length
    ? await sql<{ id: string; state: string; amount: number }[]>`select id, state, amount from payment_attempts where id = any(${rows.map((r) => r.id)}::uuid[])`
    : [];
  const totals = reconciliationTotals(after, items);
  const runId = await sql.begin(async (tx) => {
    const [run] = await tx<{ id: string }[]>`
      insert into reconciliation_runs (agency_id, day, triggered_by, checked, summary, totals, finished_at)
      values (${agencyId}, ${day}, ${triggeredBy}, ${rows.length}, ${tx.json(summary)}, ${tx.json(totals as never)}, now()) returning id`;
    for (const i of items) {
      await tx`
        insert into reconciliation_items (run_id, kind, attempt_id, receipt_id, txn_ref, our_state, gateway_status, our_amount, gateway_amount, resolved, resolution, note)
        values (${run!.id}, ${i.kind}, ${i.attemptId}, ${i.receiptId}, ${i.txnRef}, ${i.ourState}, ${i.gatewayStatus}, ${i.ourAmount}, ${i.gatewayAmount},
          ${i.resolved}, ${i.resolution}, ${i.note})`;
    }
    await audit(tx, {
      actorType: triggeredBy ? "staff" : "system", actorId: triggeredBy, agencyId, action: "reconciliation.run", targetType: "reconciliation_run",
      targetId: run!.id, details: { day, checked: rows.length, ...summary },
    });
    return run!.id;
  });
  return { runId, checked: rows.length, items, summary, totals };
}

export type ReconcileForStaffResult = { ok: true; runId: string } | { ok: false; error: "notAccountant" };

/** The "Đối soát" button: only an accountant of that office may run it (checked in SQL), then `reconcile`. */
export async function reconcileForStaff(deps: Deps, { agencyId, day, staffId }: { agencyId: string; day: string; staffId: string }): Promise<ReconcileForStaffResult> {
  if (!isUuid(agencyId)) return { ok: false, error: "notAccountant" };
  const [allowed] = await deps.sql`
    select 1 from agencies a where a.id = ${agencyId} and a.active and a.id in (${scopedAgencies(deps.sql, staffId, ["accountant"])})`;
  if (!allowed) return { ok: false, error: "notAccountant" };
  const { runId } = await reconcile(deps, { agencyId, day, triggeredBy: staffId });
  return { ok: true, runId };
}

/** Yesterday in Vietnam (the cron's default day). */
export function vietnamDay(offsetDays = 0, now = new Date()): string {
  const d = new Date(now.getTime() + offsetDays * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

/** The daily job: every office with payments on the day. */
export async function reconcileDay(deps: Deps, { day = vietnamDay(-1) }: { day?: string } = {}) {
  const offices = await deps.sql<{ agency_id: string }[]>`
    select distinct n.agency_id from payment_attempts p join fee_notices n on n.id = p.notice_id
    where (p.created_at at time zone 'Asia/Ho_Chi_Minh')::date = ${day}::date`;
  const results = [];
  for (const o of offices) results.push(await reconcile(deps, { agencyId: o.agency_id, day, triggeredBy: null }));
  return results;
}

export type RunView = { id: string; day: string; started_at: Date; checked: number; triggered_by_name: string | null; agency_name: string; totals: ReconciliationTotals | null };
export type ItemView = {
  kind: MismatchKind; txn_ref: string | null; our_state: string | null; gateway_status: string | null; our_amount: number | null;
  gateway_amount: number | null; resolved: boolean; resolution: string | null; note: string | null; receipt_number: number | null; receipt_symbol: string | null;
};

/** The latest run for an office and day, if this staff member is its accountant (checked in SQL). */
export async function latestRun(sql: Sql, { agencyId, day, staffId }: { agencyId: string; day: string; staffId: string }) {
  if (!DAY.test(day)) return null;
  const [run] = await sql<RunView[]>`
    select r.id, to_char(r.day, 'YYYY-MM-DD') as day, r.started_at, r.checked, s.full_name as triggered_by_name, a.name as agency_name, r.totals
    from reconciliation_runs r join agencies a on a.id = r.agency_id left join staff s on s.id = r.triggered_by
    where r.agency_id = ${agencyId} and r.day = ${day}::date
      and r.agency_id in (${scopedAgencies(sql, staffId, ["accountant"])})
    order by r.started_at desc limit 1`;
  return run ?? null;
}

export type RunListView = RunView & { summary: Record<MismatchKind, number>; open_items: number };

/** Past runs of the offices where this staff member is an accountant (filtered in SQL), newest first. */
export async function listRuns(sql: Sql, { staffId, limit = 50 }: { staffId: string; limit?: number }) {
  return sql<RunListView[]>`
    select r.id, to_char(r.day, 'YYYY-MM-DD') as day, r.started_at, r.checked, s.full_name as triggered_by_name, a.name as agency_name, r.totals,
      r.summary, (select count(*)::int from reconciliation_items i where i.run_id = r.id and not i.resolved) as open_items
    from reconciliation_runs r join agencies a on a.id = r.agency_id left join staff s on s.id = r.triggered_by
    where r.agency_id in (${scopedAgencies(sql, staffId, ["accountant"])})
    order by r.started_at desc limit ${limit}`;
}

export async function runItems(sql: Sql, { runId, staffId }: { runId: string; staffId: string }) {
  if (!isUuid(runId)) return null;
  const [run] = await sql<RunView[]>`
    select r.id, to_char(r.day, 'YYYY-MM-DD') as day, r.started_at, r.checked, s.full_name as triggered_by_name, a.name as agency_name, r.totals
    from reconciliation_runs r join agencies a on a.id = r.agency_id left join staff s on s.id = r.triggered_by
    where r.id = ${runId} and r.agency_id in (${scopedAgencies(sql, staffId, ["accountant"])})`;
  if (!run) return null;
  const items = await sql<ItemView[]>`
    select i.kind, i.txn_ref, i.our_state, i.gateway_status, i.our_amount, i.gateway_amount, i.resolved, i.resolution, i.note,
      rc.number as receipt_number, rc.symbol as receipt_symbol
    from reconciliation_items i left join receipts rc on rc.id = i.receipt_id where i.run_id = ${runId} order by i.resolved, i.kind, i.id`;
  return { run, items };
}

/** The CSV's columns, in order: each a key under receipts.reconciliation.csv in the translations. */
export const CSV_COLUMNS = ["day", "office", "kind", "txnRef", "ourState", "gatewayStatus", "ourAmount", "gatewayAmount", "receipt", "resolved", "resolution", "note"] as const;

/** Words for the CSV, in the staff member's language (the route passes its translations). */
export type CsvWords = {
  header: (column: (typeof CSV_COLUMNS)[number]) => string;
  /** A code's words (kinds, ourStates, gatewayStatuses, resolutions, notes), or null when unknown. */
  code: (group: "kinds" | "ourStates" | "gatewayStatuses" | "resolutions" | "notes", code: string) => string | null;
  yes: string;
  no: string;
};

/** A cell as text, spreadsheet formulas neutralised (a leading = + - @ tab or CR gets a quote mark). */
function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? "" : String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/**
 * The run's items as CSV: headers and codes in words (the staff member's language; codes the dictionary
 * does not know stay as they are), amounts as plain whole đồng for spreadsheets, UTF-8 with BOM so that
 * spreadsheet programs read Vietnamese correctly.
 */
export function itemsCsv(run: RunView, items: ItemView[], words: CsvWords): string {
  const code = (group: Parameters<CsvWords["code"]>[0], v: string | null) => (v === null ? "" : (words.code(group, v) ?? v));
  const rows: unknown[][] = [CSV_COLUMNS.map((c) => words.header(c))];
  for (const i of items) {
    rows.push([
      run.day, run.agency_name, code("kinds", i.kind), i.txn_ref, code("ourStates", i.our_state), code("gatewayStatuses", i.gateway_status),
      i.our_amount, i.gateway_amount,
      i.receipt_number ? `${i.receipt_symbol} ${String(i.receipt_number).padStart(7, "0")}` : "", i.resolved ? words.yes : words.no,
      code("resolutions", i.resolution), code("notes", i.note),
    ]);
  }
  // Every cell quoted (empty ones too), CRLF after every record, BOM first.
  return stringify(rows.map((r) => r.map(csvCell)), { bom: true, quoted: true, quoted_empty: true, record_delimiter: "\r\n" });
}
