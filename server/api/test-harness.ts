import express from "express";
import type { Pool } from "../db";
import { accessCodeHash, newAccessCode, openCase } from "../cases";
import { ENFORCEMENT_REQUEST_CASE } from "../filing";
import type { Services } from "../services";
import { createApiRouter } from "./router.server";

// Test helpers of server/api's tests: the router behind a request id, a case with its
// lookup pair, an organisation with its admin.

/** The router as the composition root mounts it, behind the request id every response carries. */
export function apiApp(svc: Services) {
  const app = express();
  let n = 0;
  app.use((_req, res, next) => {
    res.locals.requestId = `req-${++n}`;
    next();
  });
  app.use("/api", createApiRouter(svc));
  return app;
}

let refN = 0;
export async function makeCase(sql: Pool, agencyId: string, prefix = "API") {
  const reference = `YC-${prefix}-${String(++refN).padStart(5, "0")}`;
  const code = newAccessCode();
  const [court] = await sql<{ id: string }[]>`select id from courts order by code limit 1`;
  const receivedAt = new Date(Date.now() - 3 * 86_400_000);
  const [req] = await sql<{ id: string }[]>`
    insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, applicant_name, applicant_email,
      debtor_name, judgment_number, judgment_effective_on, answers, locale, submitted_at)
    values (${reference}, ${accessCodeHash(code)}, ${agencyId}, ${court!.id}, 'Nguyễn Văn Án', 'an@api.test',
      'Trần Thị Bình', '12/2025/DS-ST', '2025-06-01', '{}'::jsonb, 'vi', ${receivedAt})
    returning id`;
  const opened = await sql.begin((tx) =>
    openCase(tx, { caseType: ENFORCEMENT_REQUEST_CASE, submissionId: req!.id, reference, agencyId, applicantName: "Nguyễn Văn Án", otherPartyName: "Trần Thị Bình", receivedAt, accessCodeHash: accessCodeHash(code) }),
  );
  return { caseId: opened.caseId, reference, code };
}

export async function makeOrganisation(sql: Pool, name: string, taxCode: string, adminEmail: string) {
  const [c] = await sql<{ id: string }[]>`insert into citizens (email, full_name) values (${adminEmail}, ${name + " admin"}) returning id`;
  const [o] = await sql<{ id: string }[]>`insert into organisations (name, tax_code, created_by) values (${name}, ${taxCode}, ${c!.id}) returning id`;
  await sql`insert into organisation_members (organisation_id, citizen_id, role) values (${o!.id}, ${c!.id}, 'admin')`;
  return { organisationId: o!.id, adminId: c!.id };
}

