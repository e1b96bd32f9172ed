import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo } from "../seed.server";
import { createSession, createStaff, openCitizenSession, SESSION_COOKIE } from "../accounts";
import { fireEvent, openCase } from "../cases";
import { ENFORCEMENT_REQUEST_CASE } from "../filing";
import { idNumberDigest } from "../http";
import { loader as listLoader } from "../../app/routes/tai-khoan.ho-so._index";
import { loader as caseLoader, action as caseAction } from "../../app/routes/tai-khoan.ho-so.$reference";
import { loader as documentLoader } from "../../app/routes/tai-khoan.ho-so.$reference_.van-ban.$seq";
import { loader as filingPdfLoader } from "../../app/routes/tai-khoan.ho-so.$reference_.don[.]pdf";
import { CASES_PAGE_SIZE, caseCursor, readCaseCursor } from "./index";

// My cases (ADR 067): a citizen sees what is theirs and nothing of anyone else's — by URL, by guessing the
// next reference or a document seq, by posting the e-mail choice of another's case — and "not yours" is
// the same 404 as "does not exist". Staff sessions do not open these pages. Requests filed while signed
// out join the account at sign-in by a verified address or e-ID number, never by anything else.

let db: TestDatabase;
let context: AppLoadContext;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "thads-tracking-"));
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  const services = testServices(db.sql, { DATA_DIR: dataDir });
  context = { services, cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.9" };
  const [a] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HNI-KV01'`;
  ids.agency = a!.id;
  ids.clerk = await createStaff(db.sql, { email: "clerk@tracking.test", fullName: "Cán bộ Tiếp Nhận", password: "unused-password-123", roles: [{ role: "clerk", agencyId: ids.agency }] });
  for (const who of ["an", "binh", "cuong", "dung"]) {
    const [c] = await db.sql<{ id: string }[]>`insert into citizens (email, full_name) values (${`${who}@tracking.test`}, ${who}) returning id`;
    ids[who] = c!.id;
  }
});
afterAll(async () => {
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let n = 0;
/** A filed enforcement request and its case; references are sequential, as the real ones are. */
async function filed({
  citizen = null as string | null,
  email = null as string | null,
  cccd = null as string | null,
  receivedAt = new Date(Date.now() - 86_400_000 + n * 1000),
  applicantName = "Nguyễn Văn An",
} = {}) {
  const reference = `YC-2026-${String(++n).padStart(7, "0")}`;
  const [court] = await db.sql<{ id: string }[]>`select id from courts order by code limit 1`;
  const answers = cccd ? { who: { party: "person", role: "creditor" }, person: { cccd } } : {};
  const [req] = await db.sql<{ id: string }[]>`
    insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, citizen_id, applicant_name, applicant_email,
      debtor_name, judgment_number, judgment_effective_on, answers, locale, submitted_at)
    values (${reference}, ${crypto.randomBytes(32)}, ${ids.agency!}, ${court!.id}, ${citizen ? ids[citizen]! : null}, ${applicantName}, ${email},
      'Trần Thị Bình', '12/2025/DS-ST', '2025-06-01', ${db.sql.json(answers)}, 'vi', ${receivedAt})
    returning id`;
  const opened = await db.sql.begin((tx) =>
    openCase(tx, {
      caseType: ENFORCEMENT_REQUEST_CASE,
      submissionId: req!.id,
      reference,
      agencyId: ids.agency!,
      applicantName,
      otherPartyName: "Trần Thị Bình",
      receivedAt,
      citizenId: citizen ? ids[citizen]! : null,
      applicantEmail: email,
      applicantIdNumber: cccd,
    }),
  );
  return { caseId: opened.caseId, requestId: req!.id, reference };
}

const cookieOf = async (who: string) => `${SESSION_COOKIE}=${(await createSession(db.sql, { citizenId: ids[who]! })).token}`;
const get = (url: string, cookie = "") => new Request(`http://localhost${url}`, { headers: cookie ? { cookie } : {} });
const post = (url: string, form: Record<string, string>, cookie = "") =>
  new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams(form), headers: { cookie, "content-type": "application/x-www-form-urlencoded" } });
const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context });

/** What a loader or action answered: status, redirect target, body (data() or plain), whatever it threw. */
async function run(fn: () => Promise<unknown>) {
  try {
    const r = await fn();
    if (r instanceof Response) return { status: r.status, location: r.headers.get("location"), body: null as any, response: r };
    const d = r as { init?: { status?: number }; data?: unknown; type?: string };
    if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, location: null, body: d.data as any, response: null };
    return { status: 200, location: null, body: r as any, response: null };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, location: e.headers.get("location"), body: null as any, response: e };
    const d = e as { init?: { status?: number }; data?: unknown; type?: string };
    if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 500, location: null, body: d.data as any, response: null };
    throw e;
  }
}

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
const fire = (caseId: string, event: string, input: Record<string, unknown>) =>
  fireEvent(db.sql, { caseId, event, actor: { type: "staff", staffId: ids.clerk! }, input }).then((r) => {
    if (!r.ok) throw new Error(`${event} refused: ${JSON.stringify(r)}`);
    return r;
  });

describe("My cases: the list", () => {
  it("shows the citizen's own cases newest first, what needs their action at the top, and none of another citizen's", async () => {
    const older = await filed({ citizen: "an", receivedAt: new Date(Date.now() - 3 * 86_400_000) });
    const newer = await filed({ citizen: "an", receivedAt: new Date(Date.now() - 2 * 86_400_000) });
    const asked = await filed({ citizen: "an", receivedAt: new Date(Date.now() - 4 * 86_400_000) });
    await fire(asked.caseId, "askForMore", { message: "Đề nghị nộp bản án có chứng thực.", documentTypes: ["judgment"] });
    const binhs = await filed({ citizen: "binh" });
    const unjoined = await filed({ email: "someone@else.test" });

    const r = await run(() => listLoader(args(get("/tai-khoan/ho-so")) as never));
    expect(r.status).toBe(302); // signed out: to the sign-in page, back here afterwards
    expect(r.location).toBe("/dang-nhap?redirectTo=%2Ftai-khoan%2Fho-so");

    const page = (await run(async () => listLoader(args(get("/tai-khoan/ho-so", await cookieOf("an"))) as never))).body;
    const refs = page.cases.map((c: { reference: string }) => c.reference);
    expect(refs).toEqual([newer.reference, older.reference, asked.reference]);
    expect(refs).not.toContain(binhs.reference);
    expect(refs).not.toContain(unjoined.reference);
    // the case waiting for them and the office's open question are at the top
    expect(page.action.cases.map((c: { reference: string }) => c.reference)).toEqual([asked.reference]);
    expect(page.action.questions.map((q: { reference: string }) => q.reference)).toEqual([asked.reference]);
    // the list shows the party view: names masked
    expect(page.cases[0].applicantName).toBe("Nguyễn V** A*");

    const binh = (await run(async () => listLoader(args(get("/tai-khoan/ho-so", await cookieOf("binh"))) as never))).body;
    expect(binh.cases.map((c: { reference: string }) => c.reference)).toEqual([binhs.reference]);
    expect(binh.action.cases).toEqual([]);
    expect(binh.action.questions).toEqual([]);
  });

  it("pages by keyset: every case once, in order, and a bad cursor starts at the top instead of failing", async () => {
    const made: string[] = [];
    for (let i = 0; i < CASES_PAGE_SIZE + 3; i++) made.push((await filed({ citizen: "cuong", receivedAt: new Date(Date.UTC(2026, 5, 1, 0, 0, i % 5)) })).reference);
    const cookie = await cookieOf("cuong");
    const first = (await run(() => listLoader(args(get("/tai-khoan/ho-so", cookie)) as never))).body;
    expect(first.cases).toHaveLength(CASES_PAGE_SIZE);
    expect(first.paged).toBe(false);
    expect(first.next).toEqual(expect.any(String));
    const second = (await run(() => listLoader(args(get(`/tai-khoan/ho-so?sau=${first.next}`, cookie)) as never))).body;
    expect(second.cases).toHaveLength(3);
    expect(second.next).toBeNull();
    expect(second.paged).toBe(true);
    const seen = [...first.cases, ...second.cases].map((c: { reference: string }) => c.reference);
    expect(new Set(seen).size).toBe(made.length);
    expect([...seen].sort()).toEqual([...made].sort());
    const times = [...first.cases, ...second.cases].map((c: { receivedAt: string; caseId: string }) => `${c.receivedAt}|${c.caseId}`);
    expect(times).toEqual([...times].sort().reverse());

    for (const bad of ["x", "%00", "AAAA", Buffer.from("not a date|nope").toString("base64url"), "a".repeat(500), Buffer.from("2026-01-01T00:00:00Z|' or 1=1 --").toString("base64url")]) {
      const r = await run(() => listLoader(args(get(`/tai-khoan/ho-so?sau=${encodeURIComponent(bad)}`, cookie)) as never));
      expect(r.status).toBe(200);
      expect(r.body.paged).toBe(false);
      expect(r.body.cases).toHaveLength(CASES_PAGE_SIZE);
    }
    expect(readCaseCursor(caseCursor("2026-06-01T00:00:00.000Z", first.cases[0].caseId))).toEqual({ receivedAt: new Date("2026-06-01T00:00:00.000Z"), id: first.cases[0].caseId });
  });

  it("lists the payments made with the citizen's verified address (any case) and their receipts, never another's", async () => {
    const [court] = await db.sql<{ id: string }[]>`select id from courts where code = 'TAND-HNI-KV01'`;
    const pay = async (email: string, number: number, paid: boolean) => {
      const [notice] = await db.sql<{ id: string }[]>`
        insert into fee_notices (notice_number, court_id, case_reference, payer_name, payer_id_kind, payer_id_number, payer_address, amount, due_date, agency_id, source)
        values (${`TB-2026-${String(number).padStart(7, "0")}`}, ${court!.id}, '01/2026/DS-ST', 'Nguyễn Văn An', 'cccd', '001085012345', 'Hà Nội', 1250000, '2026-12-31', ${ids.agency!}, 'seed')
        returning id`;
      const [attempt] = await db.sql<{ id: string }[]>`
        insert into payment_attempts (notice_id, txn_ref, amount, state, locale, email, order_info, vnp_create_date, vnp_expire_date, expires_at)
        values (${notice!.id}, ${`T${number}${crypto.randomBytes(4).toString("hex")}`}, 1250000, ${paid ? "succeeded" : "failed"}, 'vi', ${email}, 'x', '20261201000000', '20261201001500', now())
        returning id`;
      if (paid) await db.sql`update fee_notices set status = 'paid', paid_at = now(), paid_attempt_id = ${attempt!.id} where id = ${notice!.id}`;
      const [receipt] = await db.sql<{ code: string }[]>`select code from receipts where attempt_id = ${attempt!.id}`;
      return { notice: `TB-2026-${String(number).padStart(7, "0")}`, receipt: receipt?.code ?? null };
    };
    const mine = await pay("DUNG@Tracking.Test", 9001, true); // the address as typed at payment, another case
    const unpaid = await pay("dung@tracking.test", 9002, false);
    const theirs = await pay("binh@tracking.test", 9003, true);
    expect(mine.receipt).toMatch(/^[A-Z0-9]{20,40}$/);

    const page = (await run(async () => listLoader(args(get("/tai-khoan/ho-so", await cookieOf("dung"))) as never))).body;
    expect(page.payments.map((p: { noticeNumber: string }) => p.noticeNumber).sort()).toEqual([mine.notice, unpaid.notice]);
    expect(page.payments.find((p: { noticeNumber: string }) => p.noticeNumber === mine.notice).receipt.code).toBe(mine.receipt);
    expect(page.action.unpaid.map((u: { noticeNumber: string }) => u.noticeNumber)).toEqual([unpaid.notice]);
    expect(JSON.stringify(page)).not.toContain(theirs.receipt!);
    expect(JSON.stringify(page)).not.toContain(theirs.notice);
  });
});

describe("My cases: one case, its documents and the e-mail choice", () => {
  it("opens the citizen's own case (their name in full) and answers another's, a guessed next reference and a made-up one with the same 404", async () => {
    const own = await filed({ citizen: "an", email: "an@tracking.test" });
    const other = await filed({ citizen: "binh" });
    const cookie = await cookieOf("an");
    const r = await run(() => caseLoader(args(get(`/tai-khoan/ho-so/${own.reference}`, cookie), { reference: own.reference.toLowerCase() }) as never));
    expect(r.status).toBe(200);
    expect(r.body.view.reference).toBe(own.reference);
    expect(r.body.view.applicantName).toBe("Nguyễn Văn An"); // their own name, unmasked
    expect(r.body.view.otherPartyName).toBe("Trần T** B***"); // the other party's, still masked
    expect(r.body.view.timeline.map((e: { event: string }) => e.event)).toEqual(["received"]);
    expect(r.body.view.notify).toBe(true);

    const [next] = own.reference.match(/[0-9]+$/)!;
    const guesses = [other.reference, own.reference.replace(/[0-9]+$/, String(Number(next) + 5).padStart(7, "0")), "YC-1999-0000001", "' or 1=1 --", "x".repeat(300), ""];
    const answers = [];
    for (const g of guesses) answers.push(await run(() => caseLoader(args(get(`/tai-khoan/ho-so/${encodeURIComponent(g)}`, cookie), { reference: g }) as never)));
    for (const a of answers) expect({ status: a.status, body: a.body }).toEqual({ status: 404, body: null });
  });

  it("lets the party download the decision documents of the public events of their own case, audited — never another's, never a private event's", async () => {
    const own = await filed({ citizen: "an" });
    const other = await filed({ citizen: "binh" });
    const accepted = await fire(own.caseId, "accept", { decisionNumber: "12/QĐ-CCTHADS", decisionDate: today() });
    const otherAccepted = await fire(other.caseId, "accept", { decisionNumber: "13/QĐ-CCTHADS", decisionDate: today() });
    const [{ seq }] = (await db.sql<{ seq: number }[]>`select seq from case_events where id = ${accepted.eventId}`) as unknown as [{ seq: number }];
    const [{ seq: otherSeq }] = (await db.sql<{ seq: number }[]>`select seq from case_events where id = ${otherAccepted.eventId}`) as unknown as [{ seq: number }];
    const cookie = await cookieOf("an");

    const page = (await run(() => caseLoader(args(get(`/tai-khoan/ho-so/${own.reference}`, cookie), { reference: own.reference }) as never))).body;
    expect(page.view.documents).toMatchObject([{ seq, event: "accept", document: "acceptance-decision" }]);

    const ok = await run(() => documentLoader(args(get(`/tai-khoan/ho-so/${own.reference}/van-ban/${seq}`, cookie), { reference: own.reference, seq: String(seq) }) as never));
    expect(ok.status).toBe(200);
    expect(ok.response!.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await ok.response!.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    const [logged] = await db.sql`select actor_type, actor_id, action, details from audit_log where action = 'case.document.downloaded' and target_id = ${own.caseId}`;
    expect(logged).toMatchObject({ actor_type: "citizen", actor_id: ids.an, details: { seq, by: "party" } });
    // now listed on the citizen's list too
    const list = (await run(() => listLoader(args(get("/tai-khoan/ho-so", cookie)) as never))).body;
    expect(list.documents.map((d: { reference: string; seq: number }) => `${d.reference}/${d.seq}`)).toContain(`${own.reference}/${seq}`);
    expect(list.documents.map((d: { reference: string }) => d.reference)).not.toContain(other.reference);

    const tries: [string, string][] = [
      [other.reference, String(otherSeq)], // another's case, by its real reference and seq
      [own.reference, "1"], // the 'received' event: public, but no document
      [own.reference, String(seq + 1)], // a seq that does not exist
      [own.reference, "0"],
      [own.reference, "-1"],
      [own.reference, "1e3"],
      [own.reference, "99999999999"],
      ["YC-2026-9999999", String(seq)],
    ];
    for (const [reference, s] of tries) {
      const r = await run(() => documentLoader(args(get(`/tai-khoan/ho-so/${reference}/van-ban/${s}`, cookie), { reference, seq: s }) as never));
      expect({ reference, s, status: r.status, body: r.body }).toEqual({ reference, s, status: 404, body: null });
    }
    // an event that is not public keeps its document from the party
    await db.sql`update case_events set public = false where id = ${accepted.eventId}`;
    const hidden = await run(() => documentLoader(args(get(`/tai-khoan/ho-so/${own.reference}/van-ban/${seq}`, cookie), { reference: own.reference, seq: String(seq) }) as never));
    expect(hidden.status).toBe(404);
    await db.sql`update case_events set public = true where id = ${accepted.eventId}`;
  });

  it("gives the party the PDF of what they filed, audited; another's is a 404", async () => {
    const own = await filed({ citizen: "an" });
    const other = await filed({ citizen: "binh" });
    const cookie = await cookieOf("an");
    const ok = await run(() => filingPdfLoader(args(get(`/tai-khoan/ho-so/${own.reference}/don.pdf`, cookie), { reference: own.reference }) as never));
    expect(ok.status).toBe(200);
    expect(ok.response!.headers.get("content-type")).toBe("application/pdf");
    const [logged] = await db.sql`select actor_id from audit_log where action = 'case.filing-pdf.downloaded' and target_id = ${own.caseId}`;
    expect(logged?.actor_id).toBe(ids.an);
    for (const reference of [other.reference, "YC-2026-9999997"]) {
      const r = await run(() => filingPdfLoader(args(get(`/tai-khoan/ho-so/${reference}/don.pdf`, cookie), { reference }) as never));
      expect({ status: r.status, body: r.body }).toEqual({ status: 404, body: null });
    }
  });

  it("turns the e-mails about their own case off and on (audited); another's case is a 404 and stays as it was; a bad choice keeps the page and says why", async () => {
    const own = await filed({ citizen: "an", email: "an@tracking.test" });
    const other = await filed({ citizen: "binh", email: "binh@tracking.test" });
    const cookie = await cookieOf("an");
    const url = (ref: string) => `/tai-khoan/ho-so/${ref}`;

    const off = await run(() => caseAction(args(post(url(own.reference), { notify: "off" }, cookie), { reference: own.reference }) as never));
    expect(off).toMatchObject({ status: 302, location: `${url(own.reference)}?luu=1#thong-bao` });
    expect((await db.sql`select notify_applicant from cases where id = ${own.caseId}`)[0]?.notify_applicant).toBe(false);
    const [entry] = await db.sql`select actor_type, actor_id, action, details from audit_log where target_id = ${own.caseId} and action like 'case.notify.%'`;
    expect(entry).toMatchObject({ actor_type: "citizen", actor_id: ids.an, action: "case.notify.off", details: { from: true, to: false } });
    const after = (await run(() => caseLoader(args(get(`${url(own.reference)}?luu=1`, cookie), { reference: own.reference }) as never))).body;
    expect(after).toMatchObject({ saved: true, view: { notify: false } });

    const on = await run(() => caseAction(args(post(url(own.reference), { notify: "on" }, cookie), { reference: own.reference }) as never));
    expect(on.status).toBe(302);
    expect((await db.sql`select notify_applicant from cases where id = ${own.caseId}`)[0]?.notify_applicant).toBe(true);

    const bad = await run(() => caseAction(args(post(url(own.reference), { notify: "maybe" }, cookie), { reference: own.reference }) as never));
    expect(bad).toMatchObject({ status: 400, body: { ok: false, error: "choose", values: { notify: "maybe" } } });

    // B's case, by its reference, with A's session: the same 404 as a case that does not exist, nothing written
    const before = await db.sql`select count(*)::int as n from audit_log where target_id = ${other.caseId}`;
    for (const reference of [other.reference, "YC-2026-9999998"]) {
      const r = await run(() => caseAction(args(post(url(reference), { notify: "off" }, cookie), { reference }) as never));
      expect({ status: r.status, body: r.body }).toEqual({ status: 404, body: null });
    }
    expect((await db.sql`select notify_applicant from cases where id = ${other.caseId}`)[0]?.notify_applicant).toBe(true);
    expect(await db.sql`select count(*)::int as n from audit_log where target_id = ${other.caseId}`).toEqual(before);
  });

  it("is not for staff: a staff session is sent to the citizen sign-in on every page and action", async () => {
    const own = await filed({ citizen: "an" });
    const staffCookie = `${SESSION_COOKIE}=${(await createSession(db.sql, { staffId: ids.clerk! })).token}`;
    const tries = [
      () => listLoader(args(get("/tai-khoan/ho-so", staffCookie)) as never),
      () => caseLoader(args(get(`/tai-khoan/ho-so/${own.reference}`, staffCookie), { reference: own.reference }) as never),
      () => caseAction(args(post(`/tai-khoan/ho-so/${own.reference}`, { notify: "off" }, staffCookie), { reference: own.reference }) as never),
      () => documentLoader(args(get(`/tai-khoan/ho-so/${own.reference}/van-ban/2`, staffCookie), { reference: own.reference, seq: "2" }) as never),
    ];
    for (const t of tries) {
      const r = await run(t);
      expect(r.status).toBe(302);
      expect(r.location).toMatch(/^\/dang-nhap\?redirectTo=/);
    }
    expect((await db.sql`select notify_applicant from cases where id = ${own.caseId}`)[0]?.notify_applicant).toBe(true);
  });
});

describe("joining a request filed while signed out", () => {
  const signIn = (citizen: string, verifiedIdNumber: string | null = null) =>
    db.sql.begin((tx) => openCitizenSession(tx, ids[citizen]!, { ip: null, userAgent: null }, { method: "email-code", firstSignIn: false }, verifiedIdNumber));

  it("joins the cases filed with the citizen's verified address (any case of letters), and keeps the request in step; never another address's, never a case already someone's", async () => {
    const [c] = await db.sql<{ id: string }[]>`insert into citizens (email) values ('ehoa@tracking.test') returning id`;
    ids.ehoa = c!.id;
    const mine = await filed({ email: "EHoa@Tracking.TEST" });
    const notMine = await filed({ email: "ehoa@tracking.test.evil" });
    const taken = await filed({ citizen: "binh", email: "ehoa@tracking.test" });
    await signIn("ehoa");
    const owner = async (caseId: string) => (await db.sql`select citizen_id from cases where id = ${caseId}`)[0]?.citizen_id;
    const requestOwner = async (id: string) => (await db.sql`select citizen_id from enforcement_requests where id = ${id}`)[0]?.citizen_id;
    expect(await owner(mine.caseId)).toBe(ids.ehoa);
    expect(await requestOwner(mine.requestId)).toBe(ids.ehoa);
    expect(await owner(notMine.caseId)).toBeNull();
    expect(await owner(taken.caseId)).toBe(ids.binh);
    const [entry] = await db.sql`select details from audit_log where action = 'citizen.sign_in' and actor_id = ${ids.ehoa} order by at desc limit 1`;
    expect(entry?.details.linkedRequests).toEqual([mine.reference]);
    // and it is in their list now
    const page = (await run(async () => listLoader(args(get("/tai-khoan/ho-so", await cookieOf("ehoa"))) as never))).body;
    expect(page.cases.map((x: { reference: string }) => x.reference)).toEqual([mine.reference]);
  });

  it("joins the cases filed with the citizen ID number the e-ID vouched for (digest only), and nothing on an unvouched sign-in", async () => {
    const [c] = await db.sql<{ id: string }[]>`insert into citizens (email) values (null) returning id`;
    ids.giang = c!.id;
    const cccd = "001090012345";
    const mine = await filed({ cccd: "001 090 012 345" });
    const other = await filed({ cccd: "001090012346" });
    const [stored] = await db.sql`select applicant_id_digest from cases where id = ${mine.caseId}`;
    expect(stored?.applicant_id_digest).toEqual(idNumberDigest(cccd));
    expect(JSON.stringify(await db.sql`select * from cases where id = ${mine.caseId}`)).not.toContain("012345");

    await signIn("giang"); // no e-ID number vouched for (e-mail code, or a provider that gives none)
    expect((await db.sql`select citizen_id from cases where id = ${mine.caseId}`)[0]?.citizen_id).toBeNull();
    await signIn("giang", cccd);
    expect((await db.sql`select citizen_id from cases where id = ${mine.caseId}`)[0]?.citizen_id).toBe(ids.giang);
    expect((await db.sql`select citizen_id from enforcement_requests where id = ${mine.requestId}`)[0]?.citizen_id).toBe(ids.giang);
    expect((await db.sql`select citizen_id from cases where id = ${other.caseId}`)[0]?.citizen_id).toBeNull();
  });

  it("backfills the digest of requests filed before migration 00020 exactly as openCase computes it", async () => {
    const person = await filed({ cccd: "079201012345" });
    const organisation = await filed({});
    await db.sql`update enforcement_requests set answers = ${db.sql.json({ who: { party: "organisation" }, person: { cccd: "079201099999" } })} where id = ${organisation.requestId}`;
    await db.sql`update cases set applicant_id_digest = null where id in (${person.caseId}, ${organisation.caseId})`;
    const migration = fs.readFileSync(path.join(__dirname, "..", "db", "migrations", "00020_tracking", "index.sql"), "utf8");
    const backfill = /update cases c set applicant_id_digest[\s\S]*?;/.exec(migration)![0];
    await db.sql.unsafe(backfill);
    expect((await db.sql`select applicant_id_digest from cases where id = ${person.caseId}`)[0]?.applicant_id_digest).toEqual(idNumberDigest("079201012345"));
    expect((await db.sql`select applicant_id_digest from cases where id = ${organisation.caseId}`)[0]?.applicant_id_digest).toBeNull();
  });
});
