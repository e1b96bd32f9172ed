/**
 * Hand-off scenario for `npm run bench` (BENCH_ONLY=handoff): messages/s delivered by the job runner (the
 * deployed worker process, build/worker.js, WORKER_CONCURRENCY workers) to a local receiver sandbox (this
 * process, port given by bench/run.ts, which also points HANDOFF_ENDPOINTS at it). BENCH_HANDOFF_CASES
 * cases (default 500) each get three hand-off events (accept, assignOfficer, close) written as the engine
 * writes them, with their `handoff_record` jobs in the job outbox; the clock runs from the outbox flush to
 * the last message delivered. p50/p99: time from the flush to each message's delivery.
 */
import crypto from "node:crypto";
import http from "node:http";
import express from "express";
import postgres from "postgres";
import { createCaseSystemReceiver } from "../server/handoff";
import { cpuPer, cpuSnapshot } from "./lib";

type Row = { name: string; requests: number; rps: number; p50: number; p99: number; errors: number; note?: string };
type Ctx = { databaseUrl: string; handoff?: { port: number; secret: string }; pids?: { web?: number; worker?: number } };

const CASES = Number(process.env.BENCH_HANDOFF_CASES ?? 500);
const EVENTS = [
  ["accept", "received", "accepted"],
  ["assignOfficer", "accepted", "officerAssigned"],
  ["close", "officerAssigned", "closed"],
] as const;

export default async function run(ctx: Ctx): Promise<Row[]> {
  if (!ctx.handoff) throw new Error("bench/handoff needs bench/run.ts's hand-off receiver port and secret");
  const sql = postgres(ctx.databaseUrl, { max: 6, onnotice: () => {} });
  const receiver = createCaseSystemReceiver({ sql, secrets: [ctx.handoff.secret] });
  const app = express();
  app.use("/sandbox/case-system", receiver.router);
  const server = http.createServer(app);
  await new Promise<void>((r) => server.listen(ctx.handoff!.port, "127.0.0.1", () => r()));
  try {
    const tag = crypto.randomBytes(3).toString("hex").toUpperCase();
    const [office] = await sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
    const [court] = await sql<{ id: string }[]>`select id from courts where code = 'TAND-HNI-KV01'`;
    const [officer] = await sql<{ id: string }[]>`select s.id from staff s join staff_roles r on r.staff_id = s.id where r.role = 'officer' limit 1`;
    if (!office || !court) throw new Error("bench/handoff: the demo office HNI-KV01 and its court are not in the bench database");
    const cases = await sql<{ id: string }[]>`
      with r as (
        insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, applicant_name, debtor_name, judgment_number, judgment_effective_on, money_amount, answers)
        select ${`HB-${tag}-`} || g, '\\x00'::bytea, ${office.id}, ${court.id}, 'Nguyễn Văn An', 'Trần Thị Bình', '12/2026/DS-ST', date '2026-05-04', 150000000, '{}'::jsonb
        from generate_series(1, ${CASES}) g returning id, reference, agency_id
      )
      insert into cases (case_type, submission_id, reference, agency_id, state, case_number, applicant_name, other_party_name, search_text, received_at)
      select 'enforcement-request', r.id, r.reference, r.agency_id, 'closed', 'HNI-KV01-2026-' || r.reference, 'Nguyễn Văn An', 'Trần Thị Bình', lower(r.reference), now() from r
      returning id`;
    const ids = cases.map((c) => c.id);
    await sql`
      insert into case_events (case_id, seq, event, from_state, to_state, actor_type, fields, public)
      select c, 1, 'received', null, 'received', 'system', '{}'::jsonb, true from unnest(${ids}::uuid[]) c`;
    for (const [i, [event, from, to]] of EVENTS.entries()) {
      const fields = event === "accept" ? { decisionNumber: "15/QĐ-CCTHADS", decisionDate: "2026-07-02" } : event === "assignOfficer" ? { officerId: officer?.id } : { reason: "Đã thi hành xong" };
      await sql`
        with e as (
          insert into case_events (case_id, seq, event, from_state, to_state, actor_type, fields, public)
          select c, ${i + 2}, ${event}, ${from}, ${to}, 'system', ${sql.json(fields as never)}, true from unnest(${ids}::uuid[]) c
          returning id, case_id
        )
        insert into job_outbox (task, payload, job_key) select 'handoff_record', json_build_object('caseId', e.case_id, 'eventId', e.id), null from e`;
    }
    const total = CASES * EVENTS.length;
    const cpuBefore = cpuSnapshot(ctx.pids ?? {});
    const t0 = Date.now();
    for (;;) {
      const [r] = await sql<{ n: number }[]>`select jobs_flush_outbox(1000) as n`;
      if (r!.n < 1000) break;
    }
    let delivered = 0;
    const deadline = t0 + 300_000;
    while (Date.now() < deadline) {
      const [r] = await sql<{ n: number }[]>`select count(*)::int as n from handoff_messages where status = 'delivered' and case_id = any(${ids}::uuid[])`;
      delivered = r!.n;
      if (delivered >= total) break;
      await new Promise((res) => setTimeout(res, 100));
    }
    const seconds = (Date.now() - t0) / 1000;
    const cpuAfter = cpuSnapshot(ctx.pids ?? {});
    const lat = (
      await sql<{ ms: number }[]>`
        select (extract(epoch from delivered_at) * 1000 - ${t0})::float8 as ms from handoff_messages
        where status = 'delivered' and case_id = any(${ids}::uuid[]) order by 1`
    ).map((r) => r.ms);
    const q = (p: number) => Math.round(lat[Math.min(lat.length - 1, Math.floor(p * lat.length))] ?? 0);
    const [dup] = await sql<{ n: number }[]>`select count(*)::int as n from sandbox_case_system_messages where deliveries > 1 and case_id = any(${ids}::uuid[])`;
    return [
      {
        name: `hand-off: ${total} messages (${CASES} cases × 3) outbox → worker → receiver`,
        requests: delivered,
        rps: Math.round(delivered / seconds),
        p50: q(0.5),
        p99: q(0.99),
        errors: total - delivered + dup!.n,
        note: `messages/s delivered (${seconds.toFixed(1)} s; receiver saw ${receiver.stats.requests} requests); ${cpuPer(cpuBefore, cpuAfter, delivered, "message")} (PostgreSQL: every postgres process on the machine; load generator = receiver)`,
      },
    ];
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    await sql.end();
  }
}
