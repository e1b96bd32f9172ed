/**
 * The organisations' JSON API for `npm run bench` (bench/run.ts picks up bench/<area>.ts; `BENCH_ONLY=api npm
 * run bench` runs it alone): the status call for one followed case (GET /api/v1/cases/{reference}: the whole
 * party view, timeline and deadlines) and the batch of 100 (POST /api/v1/cases/status), each through the
 * whole stack — key check (revoked_at read), the key's rate limit (run.ts raises it), the schemas, one
 * audit row per call. The table's last columns give each row against the two ceilings (bare Node, empty Remix).
 */
import { load, type BenchRow } from "./lib";
import { createPool } from "../server/db";
import { createApiKey } from "../server/api";
import { accessCodeHash, newAccessCode, openCase } from "../server/cases";
import { ENFORCEMENT_REQUEST_CASE } from "../server/filing";
import type { Pool } from "../server/db";

/** A filed enforcement request opened as a case, with its lookup pair (as server/api's tests make them). */
async function makeCase(sql: Pool, agencyId: string, reference: string) {
  const code = newAccessCode();
  const [court] = await sql<{ id: string }[]>`select id from courts order by code limit 1`;
  const receivedAt = new Date(Date.now() - 3 * 86_400_000);
  const [req] = await sql<{ id: string }[]>`
    insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, applicant_name, applicant_email,
      debtor_name, judgment_number, judgment_effective_on, answers, locale, submitted_at)
    values (${reference}, ${accessCodeHash(code)}, ${agencyId}, ${court!.id}, 'Nguyễn Văn Án', 'an@api.bench',
      'Trần Thị Bình', '12/2025/DS-ST', '2025-06-01', '{}'::jsonb, 'vi', ${receivedAt})
    returning id`;
  const opened = await sql.begin((tx) =>
    openCase(tx, { caseType: ENFORCEMENT_REQUEST_CASE, submissionId: req!.id, reference, agencyId, applicantName: "Nguyễn Văn Án", otherPartyName: "Trần Thị Bình", receivedAt, accessCodeHash: accessCodeHash(code) }),
  );
  return { caseId: opened.caseId, reference };
}

type Ctx = { baseUrl: string; databaseUrl: string; duration: number; connections: number };

export default async function run(ctx: Ctx): Promise<BenchRow[]> {
  const sql = createPool(ctx.databaseUrl, { max: 4 });
  try {
    const [agency] = await sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
    if (!agency) throw new Error("bench/api: no demo agency HNI-KV01 (SEED_DEMO)");
    const tax = String(Date.now()).slice(-10).padStart(10, "1");
    const [admin] = await sql<{ id: string }[]>`insert into citizens (email, full_name) values (${`bench-${tax}@api.bench`}, 'Quản trị Bench') returning id`;
    const [o] = await sql<{ id: string }[]>`insert into organisations (name, tax_code, created_by) values ('Ngân hàng Bench', ${tax}, ${admin!.id}) returning id`;
    await sql`insert into organisation_members (organisation_id, citizen_id, role) values (${o!.id}, ${admin!.id}, 'admin')`;
    const org = { organisationId: o!.id, adminId: admin!.id };
    const refs: string[] = [];
    for (let i = 0; i < 100; i++) {
      const c = await makeCase(sql, agency.id, `YC-BN${tax.slice(-4)}-${String(i).padStart(5, "0")}`);
      await sql`insert into organisation_cases (organisation_id, case_id) values (${org.organisationId}, ${c.caseId})`;
      refs.push(c.reference);
    }
    const { key } = await createApiKey(sql, { organisationId: org.organisationId, name: "bench", actor: { citizenId: org.adminId } });
    const headers = { authorization: `Bearer ${key}`, "content-type": "application/json", "accept-language": "vi" };
    const one = `${ctx.baseUrl}/api/v1/cases/${refs[0]}`;
    const batch = `${ctx.baseUrl}/api/v1/cases/status`;
    const body = JSON.stringify({ references: refs });
    const first = await fetch(one, { headers });
    const firstBatch = await fetch(batch, { method: "POST", headers, body });
    const found = ((await firstBatch.json()) as { items?: { found: boolean }[] }).items?.filter((i) => i.found).length;
    if (first.status !== 200 || firstBatch.status !== 200 || found !== 100) throw new Error(`bench/api: status call ${first.status}, batch ${firstBatch.status} with ${found} found`);
    const rows: BenchRow[] = [];
    const opts = { duration: Math.min(ctx.duration, 30), connections: ctx.connections, headers };
    await load("warm-up", { url: one, ...opts, duration: 2 });
    rows.push({ ...(await load("GET /api/v1/cases/{reference} (one case, full view)", { url: one, ...opts })), note: "key + rate limit + audit row per call" });
    await load("warm-up", { url: batch, method: "POST", body, ...opts, duration: 2 });
    rows.push({ ...(await load("POST /api/v1/cases/status (batch of 100)", { url: batch, method: "POST", body, ...opts })), note: "100 summaries per call" });
    return rows;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
