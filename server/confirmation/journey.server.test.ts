import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { makePairCases } from "../../test/pair-cases";
import { seedDemo } from "../seed.server";
import { confirmationEngine } from "./index";

// The confirmation journey end to end through the engine: a wrong pair is a localised field error that keeps
// what was typed; the right pair files an XN submission at the case's office, about that case.

let db: TestDatabase;
let context: AppLoadContext;
const BASE = "http://localhost/dich-vu/xac-nhan-ket-qua";
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  context = { services: testServices(db.sql), cspNonce: "n", requestId: "test", locale: "vi", clientIp: "203.0.113.9" };
});
afterAll(async () => {
  await db?.drop();
});
const cookieOf = (r: Response) => /^[^=]+=([^;]*)/.exec(r.headers.getSetCookie().find((c) => c.startsWith("thads_confirmation=")) ?? "")?.[1] ?? "";
const req = (token: string, slug: string, init: RequestInit = {}) => new Request(`${BASE}/${slug}`, { ...init, headers: { cookie: `thads_confirmation=${token}` } });
const form = (v: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, x] of Object.entries(v)) for (const y of [x].flat()) f.append(k, y);
  return f;
};

describe("the confirmation journey", () => {
  it("checks the pair, then files XN at the case's office", async () => {
    const [related] = await makePairCases(db.sql, 1, { agencyCode: "HNI-KV02", state: "officerAssigned" });
    const token = cookieOf(await confirmationEngine.startDraft(new Request(BASE, { method: "POST" }), context));
    const wrong = await confirmationEngine.submitFormStep(req(token, "ho-so"), context, "ho-so", form({ reference: related!.reference, accessCode: "AAAA-BBBB-CCCC-DDDD" }));
    expect(wrong).toMatchObject({ ok: false, result: { error: { reference: ["submissions.related.notFound"] } } });
    expect(await confirmationEngine.submitFormStep(req(token, "ho-so"), context, "ho-so", form({ reference: related!.reference, accessCode: related!.accessCode }))).toMatchObject({ ok: true });
    expect(await confirmationEngine.submitFormStep(req(token, "nguoi-yeu-cau"), context, "nguoi-yeu-cau", form({ relation: "party", name: "Nguyễn Văn Bình", email: "binh@example.vn" }))).toEqual({
      ok: true,
      redirectTo: "/dich-vu/xac-nhan-ket-qua/noi-dung",
    });
    expect(await confirmationEngine.submitFormStep(req(token, "noi-dung"), context, "noi-dung", form({ confirmWhat: ["amounts-collected", "obligations"], delivery: "electronic" }))).toMatchObject({ ok: true });
    const sent = await confirmationEngine.submitFromReview(req(token, "kiem-tra", { method: "POST" }), context);
    expect(sent.headers.get("location")).toBe("/dich-vu/xac-nhan-ket-qua/da-gui");
    const [s] = await db.sql<{ reference: string; agency: string; related_case_id: string; answers: Record<string, Record<string, unknown>> }[]>`
      select s.reference, a.code as agency, s.related_case_id, s.answers from submissions s join agencies a on a.id = s.agency_id where s.procedure = 'confirmation'`;
    expect(s).toMatchObject({ agency: "HNI-KV02", related_case_id: related!.caseId });
    expect(s!.reference).toMatch(/^XN-\d{4}-\d{7}$/);
    expect(s!.answers.case).toEqual({ reference: related!.reference }); // the access code is not kept
    const [c] = await db.sql<{ case_type: string; state: string }[]>`select case_type, state from cases where reference = ${s!.reference}`;
    expect(c).toEqual({ case_type: "confirmation", state: "received" });
  });
});
