import { fieldMessage } from "../validation";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { createApp } from "../app.server";
import { seedDemo } from "../seed.server";
import { mountPayments, type PaymentsMount } from "./http.server";
import { createNoticeByStaff, findNoticeForPayer, importNoticesCsv } from "./notices.server";
import { courtByApiKey, hashApiKey, issueCourtKey } from "../agencies/index";
import { DEFAULT_RATE_LIMITS, policies } from "../http";
import { elapse } from "../../test/rate-limits";
import { DEMO_COURT_KEY, DEMO_NOTICES } from "./seed.server";
import { parseCsv } from "./csv";
import { StaffNoticeFormSchema } from "./schemas";

/**
 * A stored court key must be a 32-byte one-way digest: not the key, not the key in hex, base64 or any other
 * reversible form, not its random part, and nothing that shares a run of bytes with any of them.
 */
function expectOneWayDigest(stored: Buffer, key: string) {
  expect(Buffer.isBuffer(stored)).toBe(true);
  expect(stored.length).toBe(32);
  const random = Buffer.from(key.replace(/^tak_/, ""), "base64url");
  const forms = [Buffer.from(key), Buffer.from(key).reverse(), random, Buffer.from(key.toLowerCase())];
  for (const enc of ["hex", "base64", "base64url"] as const) forms.push(Buffer.from(Buffer.from(key).toString(enc)), Buffer.from(random.toString(enc)));
  for (const form of forms) {
    for (let i = 0; i + 6 <= form.length; i++) expect(stored.includes(form.subarray(i, i + 6)), `shares bytes with ${form.toString("latin1").slice(0, 12)}…`).toBe(false);
  }
  for (const text of [stored.toString("utf8"), stored.toString("latin1"), stored.toString("hex"), stored.toString("base64")]) expect(text).not.toContain(key.slice(4, 12));
}

let db: TestDatabase;
let server: http.Server;
let base: string;
let payments: PaymentsMount;
let accountant: { staffId: string; agencyId: string };
let clerk: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  const [a] = await db.sql<{ staff_id: string; agency_id: string }[]>`
    select r.staff_id, r.agency_id from staff_roles r join staff s on s.id = r.staff_id where s.email = 'ketoan@thads.local'`;
  accountant = { staffId: a!.staff_id, agencyId: a!.agency_id };
  const [c] = await db.sql<{ id: string }[]>`select id from staff where email = 'tiepnhan@thads.local'`;
  clerk = c!.id;
  server = http.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const services = testServices(db.sql, { env: { BASE_URL: base } });
  server.on("request", createApp({ services, build: () => Promise.reject(new Error("no Remix")), beforeRemix: (x) => (payments = mountPayments(x, services)) }));
});

afterAll(async () => {
  payments?.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await db.drop();
});

const actor = () => ({ staffId: accountant.staffId, ip: "127.0.0.1", requestId: "test-req" });
const input = {
  courtCode: "TAND-HNI-KV01",
  caseReference: "Vụ án dân sự số 7/2026/TLST-DS",
  payerName: "Phạm Thị Hoa",
  payerIdNumber: "001190000123",
  payerAddress: "Hà Nội",
  amount: 700_000,
  dueDate: "2026-12-31",
};

describe("seed", () => {
  it("is idempotent and leaves unpaid demo notices", async () => {
    const again = await seedDemo(db.sql);
    expect(again).toEqual({ staffCreated: 0, noticesCreated: 0 });
    const rows = await db.sql`select 1 from fee_notices where notice_number = ${DEMO_NOTICES[0]!.noticeNumber} and status = 'unpaid'`;
    expect(rows).toHaveLength(1);
  });
});

describe("staff create notices", () => {
  it("by form, for their own office only, audited", async () => {
    const ok = await createNoticeByStaff(db.sql, { ...input, agencyId: accountant.agencyId }, actor());
    expect(ok).toMatchObject({ ok: true, noticeNumber: expect.stringMatching(/^TB-\d{4}-\d{7}$/) });
    const [audit] = await db.sql<{ action: string; agency_id: string }[]>`
      select action, agency_id from audit_log where target_id = ${(ok as { id: string }).id}`;
    expect(audit).toMatchObject({ action: "fee_notice.create", agency_id: accountant.agencyId });

    const [other] = await db.sql<{ id: string }[]>`select id from agencies where code = 'HCM-KV01'`;
    expect(await createNoticeByStaff(db.sql, { ...input, agencyId: other!.id }, actor())).toMatchObject({ ok: false, field: "agencyId" });
    expect(await createNoticeByStaff(db.sql, { ...input, agencyId: accountant.agencyId }, { ...actor(), staffId: clerk })).toMatchObject({ ok: false, field: "agencyId" });
    expect(await createNoticeByStaff(db.sql, { ...input, courtCode: "NOPE", agencyId: accountant.agencyId }, actor())).toMatchObject({ ok: false, field: "courtCode" });
  });

  it("by CSV: a quote that is never closed is a problem on the line it opens, and nothing is written", async () => {
    const header = "court_code,court_document_number,case_reference,payer_name,payer_id_number,payer_address,amount,due_date";
    const broken = `${header}\nTAND-HNI-KV01,,Vụ án,Người A,001085000009,Hà Nội,1000000,31/12/2026\n\nTAND-HNI-KV01,,"Vụ án,Người B,001085000010,Hà Nội,1000000,31/12/2026\nmore\n`;
    const before = await db.sql`select 1 from fee_notices`;
    expect(await importNoticesCsv(db.sql, { csv: broken, agencyId: accountant.agencyId }, actor())).toEqual({
      ok: false,
      problems: [{ line: 4, column: null, error: "payments.import.errors.quote" }],
    });
    expect((await db.sql`select 1 from fee_notices`).length).toBe(before.length);
  });

  it("by CSV: all rows or none, with per-line problems", async () => {
    const header = "court_code,court_document_number,case_reference,payer_name,payer_id_number,payer_address,amount,due_date";
    const good = `${header}\r\nTAND-HNI-KV01,1/TB-TA,"Vụ án số 1, dân sự",Nguyễn Văn Một,001085000001,"Số 1, Hà Nội",1.250.000,31/12/2026\nTAND-HNI-KV02,,Vụ án số 2,Công ty TNHH Hai,0300588569,Hà Nội,300000,2026-12-01\n`;
    const before = await db.sql`select 1 from fee_notices`;
    const result = await importNoticesCsv(db.sql, { csv: good, agencyId: accountant.agencyId }, actor());
    expect(result).toMatchObject({ ok: true });
    expect((result as { created: unknown[] }).created).toHaveLength(2);
    const [one] = await db.sql<{ amount: number; payer_id_kind: string; case_reference: string }[]>`
      select amount, payer_id_kind, case_reference from fee_notices where payer_id_number = '001085000001'`;
    expect(one).toEqual({ amount: 1_250_000, payer_id_kind: "cccd", case_reference: "Vụ án số 1, dân sự" });

    const bad = `${header}\nTAND-HNI-KV01,,Vụ án,Người A,003085000001,Hà Nội,abc,31/02/2026\nTAND-XXX,,Vụ án,Người B,0300588568,Hà Nội,1000000,31/12/2026\nTAND-HNI-KV01,,Vụ án,Người C,001085000002,Hà Nội,1000000,31/12/2026\n`;
    const failed = await importNoticesCsv(db.sql, { csv: bad, agencyId: accountant.agencyId }, actor());
    expect(failed).toEqual({
      ok: false,
      problems: [
        { line: 2, column: "payer_id_number", error: "payments.errors.idProvince" },
        { line: 2, column: "amount", error: "payments.errors.amountFormat" },
        { line: 2, column: "due_date", error: "payments.errors.dueDateInvalid" },
        { line: 3, column: "payer_id_number", error: "payments.errors.idCheckDigit" },
      ],
    });
    const after = await db.sql`select 1 from fee_notices`;
    expect(after.length).toBe(before.length + 2); // the bad file imported nothing, not even its good line

    expect(await importNoticesCsv(db.sql, { csv: "a,b\n1,2", agencyId: accountant.agencyId }, actor())).toMatchObject({
      ok: false,
      problems: [{ line: 1, error: "payments.import.errors.header" }],
    });
    expect(parseCsv("a;b\n\"x;y\";z")).toEqual([["a", "b"], ["x;y", "z"]]);
  });

  it("by CSV: amounts as people write them; every other amount names its line and the column", async () => {
    const header = "court_code,court_document_number,case_reference,payer_name,payer_id_number,payer_address,amount,due_date";
    const row = (amount: string) => `TAND-HNI-KV01,,Vụ án,Người A,001085000001,Hà Nội,${amount},31/12/2026`;
    const good = ["1.250.000", '"1,250,000"', "1 250 000", "1\u00A0250\u00A0000", "1250000", "1.250.000 ₫", '"VND 1,250,000"'];
    const okCsv = [header, ...good.map(row)].join("\n");
    const result = await importNoticesCsv(db.sql, { csv: okCsv, agencyId: accountant.agencyId }, actor());
    expect(result).toMatchObject({ ok: true });
    const ids = (result as { created: { id: string }[] }).created.map((c) => c.id);
    const amounts = await db.sql<{ amount: number }[]>`select amount from fee_notices where id = any(${ids}::uuid[])`;
    expect(amounts.map((a) => a.amount)).toEqual(good.map(() => 1_250_000));

    // a blank line and a quoted field over two lines: the line numbers are the file's
    const badCsv = [header, row('"1250000.00"'), "", row('"1.250.000,00"'), `TAND-HNI-KV01,,"Vụ án\nnhiều dòng",Người A,001085000001,Hà Nội,1000000,31/12/2026`, row("1.25.000"), row('"12,50"'), row("-1000"), row("0"), row("1e6"), row(""), row("10.000.000.000"), row("999")].join("\n");
    const before = await db.sql`select 1 from fee_notices`;
    const failed = await importNoticesCsv(db.sql, { csv: badCsv, agencyId: accountant.agencyId }, actor());
    expect(failed).toEqual({
      ok: false,
      problems: [
        { line: 2, column: "amount", error: "payments.errors.amountFraction" },
        { line: 4, column: "amount", error: "payments.errors.amountFraction" },
        // the case reference is one line: its line break is refused, named on the line the record starts
        { line: 5, column: "case_reference", error: fieldMessage("validation.lineBreaks", { field: "payments.staff.caseReference" }) },
        { line: 7, column: "amount", error: "payments.errors.amountGrouping" },
        { line: 8, column: "amount", error: "payments.errors.amountFraction" },
        { line: 9, column: "amount", error: "payments.errors.amountFormat" },
        { line: 10, column: "amount", error: "payments.errors.amountTooSmall" },
        { line: 11, column: "amount", error: "payments.errors.amountFormat" },
        { line: 12, column: "amount", error: "payments.errors.amountRequired" },
        { line: 13, column: "amount", error: "payments.errors.amountTooLarge" },
        { line: 14, column: "amount", error: "payments.errors.amountTooSmall" },
      ],
    });
    expect(await db.sql`select 1 from fee_notices`).toHaveLength(before.length);

    // an unquoted grouped amount in a comma-separated file splits the line: named as such
    const split = [header, row("1,250,000"), row('"1,250,000"')].join("\n");
    expect(await importNoticesCsv(db.sql, { csv: split, agencyId: accountant.agencyId }, actor())).toEqual({
      ok: false,
      problems: [{ line: 2, column: null, error: "payments.import.errors.extraCells" }],
    });
  });

  it("by the staff form: the same reader", async () => {
    const parse = (amount: string) => StaffNoticeFormSchema.shape.amount.safeParse(amount);
    expect(parse("1.250.000")).toMatchObject({ success: true, data: 1_250_000 });
    expect(parse("1 250 000 ₫")).toMatchObject({ success: true, data: 1_250_000 });
    expect(parse("1250000.00").error?.issues[0]?.message).toBe("payments.errors.amountFraction");
    expect(parse("1.25.000").error?.issues[0]?.message).toBe("payments.errors.amountGrouping");
  });
});

describe("citizen lookup", () => {
  it("finds with the right pair; every wrong pair gets the same answer; rate-limited", async () => {
    const n = DEMO_NOTICES[0]!;
    const ok = await findNoticeForPayer(db.sql, { noticeNumber: n.noticeNumber, idNumber: n.payerIdNumber, ip: "10.0.0.1" });
    expect(ok).toMatchObject({ ok: true, notice: { notice_number: n.noticeNumber, amount: n.amount, status: "unpaid" } });
    const wrongId = await findNoticeForPayer(db.sql, { noticeNumber: n.noticeNumber, idNumber: "001085099999", ip: "10.0.0.1" });
    const wrongNumber = await findNoticeForPayer(db.sql, { noticeNumber: "TB-2026-9999999", idNumber: n.payerIdNumber, ip: "10.0.0.1" });
    expect(wrongId).toEqual({ ok: false, reason: "not-found" });
    expect(wrongNumber).toEqual(wrongId);

    // One character off at the end is as wrong as any other.
    const near = await findNoticeForPayer(db.sql, { noticeNumber: n.noticeNumber, idNumber: `${n.payerIdNumber.slice(0, -1)}9`, ip: "10.0.0.1" });
    expect(near).toEqual(wrongId);
  });

  it("does not block the real payer after anyone's wrong-ID lookups, beyond the current short wait", async () => {
    const n = DEMO_NOTICES[1]!;
    const waits: number[] = [];
    for (let i = 0; i < 30; i++) {
      const r = await findNoticeForPayer(db.sql, { noticeNumber: n.noticeNumber, idNumber: `00108509${String(i).padStart(4, "0")}`, ip: `10.1.0.${i}` });
      expect(r.ok).toBe(false);
      if (!r.ok && r.reason === "rate-limited") {
        waits.push(r.retryAfterSeconds);
        await elapse(db.sql, r.retryAfterSeconds);
      }
    }
    expect(waits.length).toBeGreaterThan(3);
    expect(Math.max(...waits)).toBeLessThanOrEqual(DEFAULT_RATE_LIMITS.RATE_LIMIT_MAX_DELAY_SECONDS);
    const payer = { noticeNumber: n.noticeNumber, idNumber: n.payerIdNumber, ip: "10.9.9.9" };
    let found = await findNoticeForPayer(db.sql, payer);
    if (!found.ok && found.reason === "rate-limited") {
      expect(found.retryAfterSeconds).toBeLessThanOrEqual(DEFAULT_RATE_LIMITS.RATE_LIMIT_MAX_DELAY_SECONDS);
      await elapse(db.sql, found.retryAfterSeconds);
      found = await findNoticeForPayer(db.sql, payer);
    }
    expect(found.ok).toBe(true);
    // Finding it resets the number: the next wrong lookups start from the free ones again.
    for (let i = 0; i < DEFAULT_RATE_LIMITS.RATE_LIMIT_FREE_FAILURES; i++) {
      expect(await findNoticeForPayer(db.sql, { ...payer, idNumber: "001085099999", ip: `10.2.0.${i}` })).toEqual({ ok: false, reason: "not-found" });
    }
    // Successful lookups never count: the payer (or the office's kiosk) can look it up again and again.
    await db.sql`delete from rate_limit_counters where key like 'notice-lookup:%'`;
    for (let i = 0; i < 40; i++) expect((await findNoticeForPayer(db.sql, payer)).ok).toBe(true);
  });

  it("slows one client address guessing across many numbers", async () => {
    const n = DEMO_NOTICES[0]!;
    const results = [];
    for (let i = 0; i < policies().client.free + 2; i++) {
      results.push(await findNoticeForPayer(db.sql, { noticeNumber: `TB-2026-${String(i).padStart(7, "0")}`, idNumber: "001085099999", ip: "10.0.0.2" }));
    }
    expect(results.at(-2)).toEqual({ ok: false, reason: "not-found" });
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "rate-limited" });
    expect((await findNoticeForPayer(db.sql, { noticeNumber: n.noticeNumber, idNumber: n.payerIdNumber, ip: "10.0.0.3" })).ok).toBe(true);
  });
});

describe("court API", () => {
  const post = (body: unknown, key: string | null = DEMO_COURT_KEY, lang = "vi") =>
    fetch(`${base}/api/courts/notices`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept-Language": lang, ...(key ? { Authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    });
  const apiBody = { caseReference: "Vụ án số 9/2026", payerName: "Đỗ Văn Chín", payerIdNumber: "0300588569", payerAddress: "Hà Nội", amount: 2_500_000, dueDate: "2026-12-31", collectingOfficeCode: "HNI-KV01", courtDocumentNumber: "9/TB-TA" };

  it("creates a notice for the court that owns the key; the key is stored only as a hash", async () => {
    const res = await post(apiBody);
    expect(res.status).toBe(201);
    const json = (await res.json()) as { noticeNumber: string };
    const [row] = await db.sql<{ court: string; source: string; amount: number }[]>`
      select c.code as court, n.source, n.amount from fee_notices n join courts c on c.id = n.court_id where n.notice_number = ${json.noticeNumber}`;
    expect(row).toEqual({ court: "TAND-HNI-KV01", source: "court_api", amount: 2_500_000 });
    const [stored] = await db.sql<{ h: Buffer }[]>`select api_key_hash as h from courts where code = 'TAND-HNI-KV01'`;
    expectOneWayDigest(stored!.h, DEMO_COURT_KEY);
  });

  it("an issued key is stored only as its digest: never in clear, nor in any reversible encoding", async () => {
    const [court] = await db.sql<{ id: string }[]>`select id from courts where code = 'TAND-HNI-KV02'`;
    const key = await issueCourtKey(db.sql, { courtId: court!.id });
    expect(key).toMatch(/^tak_[A-Za-z0-9_-]{32}$/); // 24 random bytes
    const [stored] = await db.sql<{ h: Buffer }[]>`select api_key_hash as h from courts where id = ${court!.id}`;
    expectOneWayDigest(stored!.h, key);
    // The digest is what a request is checked against: the key finds its court, a key one character off does not.
    expect(await courtByApiKey(db.sql, key)).toMatchObject({ id: court!.id, code: "TAND-HNI-KV02" });
    const oneOff = key.slice(0, -1) + (key.endsWith("A") ? "B" : "A");
    expect(await courtByApiKey(db.sql, oneOff)).toBeNull();
    expect(hashApiKey(oneOff).equals(stored!.h)).toBe(false);
  });

  it("401 without or with a wrong key; 400 with localised per-field errors", async () => {
    expect((await post(apiBody, null)).status).toBe(401);
    expect((await post(apiBody, "tak_wrong_key_1234567890")).status).toBe(401);
    const res = await post({ ...apiBody, payerIdNumber: "0300588568", amount: "-5", collectingOfficeCode: "XX" }, DEMO_COURT_KEY, "en");
    expect(res.status).toBe(400);
    const json = (await res.json()) as { errors: { field: string; message: string }[] };
    expect(json.errors.map((e) => e.field).sort()).toEqual(["amount", "payerIdNumber"]);
    expect(json.errors.find((e) => e.field === "payerIdNumber")!.message).toMatch(/check digit/);
    const office = await post({ ...apiBody, collectingOfficeCode: "XX" });
    expect(await office.json()).toMatchObject({ errors: [{ field: "collectingOfficeCode", message: "Không có cơ quan thi hành án với mã này." }] });
  });

  it("takes the amount as a JSON integer or a string of digits only; anything else is a 400 naming the field, and nothing is stored", async () => {
    const count = async () => Number((await db.sql<{ n: string }[]>`select count(*) as n from fee_notices where source = 'court_api'`)[0]!.n);
    const before = await count();
    // issue 10: "1250000.00" was stored as 125,000,000 đồng and 1000.5 as 10,005
    for (const amount of ["1250000.00", 1000.5, "1000.5", "1.250.000", "1,250,000", "1 250 000", "-1000", "1e6", "0x3E8", 0, "", null, true, [1_000_000], "10000000000", 10_000_000_000]) {
      const res = await post({ ...apiBody, amount }, DEMO_COURT_KEY, "en");
      expect(res.status, JSON.stringify(amount)).toBe(400);
      const json = (await res.json()) as { errors: { field: string; code: string; message: string }[] };
      expect(json.errors, JSON.stringify(amount)).toHaveLength(1);
      expect(json.errors[0]!.field).toBe("amount");
      expect(json.errors[0]!.message).toMatch(/amount|VND/);
    }
    const vi = (await (await post({ ...apiBody, amount: "1250000.00" })).json()) as { errors: { message: string }[] };
    expect(vi.errors[0]!.message).toBe("Trường amount không được có phần thập phân: tiền tính bằng đồng nguyên, ví dụ 1250000.");
    expect(await count()).toBe(before);

    for (const [amount, stored] of [[1_250_000, 1_250_000], ["1250000", 1_250_000], [9_999_999_999, 9_999_999_999]] as const) {
      const res = await post({ ...apiBody, amount });
      expect(res.status).toBe(201);
      const { noticeNumber } = (await res.json()) as { noticeNumber: string };
      const [row] = await db.sql<{ amount: number }[]>`select amount from fee_notices where notice_number = ${noticeNumber}`;
      expect(row!.amount).toBe(stored);
    }
  });

  it("a body that is not JSON is a 400, not a 500", async () => {
    const res = await fetch(`${base}/api/courts/notices`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${DEMO_COURT_KEY}` },
      body: "{not json",
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "invalid_body" });
  });

  it.each(["payerName", "caseReference", "payerAddress", "courtDocumentNumber", "collectingOfficeCode"])(
    "%s with NUL or another control character is a 400 in JSON naming the field, never a 500",
    async (field) => {
      for (const c of ["\u0000", "\u001b", "\u007f"]) {
        const res = await post({ ...apiBody, [field]: `Đỗ${c}Chín` }, DEMO_COURT_KEY, "en");
        expect(res.status).toBe(400);
        const json = (await res.json()) as { error: string; errors: { field: string; message: string }[] };
        expect(json.error).toBe("invalid");
        const e = json.errors.find((x) => x.field === field);
        expect(e?.message).toMatch(/ has control characters/);
      }
      const count = await db.sql`select 1 from fee_notices where payer_name like ${"%\u001b%"}`;
      expect(count).toHaveLength(0);
    },
  );

  it("a key shorter than 20 or longer than 200 characters is refused before any lookup", async () => {
    const [court] = await db.sql<{ id: string; api_key_hash: Buffer }[]>`select id, api_key_hash from courts where code = 'TAND-DNG-KV01'`;
    try {
      for (const [key, found] of [["k".repeat(19), false], ["k".repeat(20), true], ["k".repeat(200), true], ["k".repeat(201), false]] as const) {
        await db.sql`update courts set api_key_hash = ${hashApiKey(key)} where id = ${court!.id}`;
        expect((await courtByApiKey(db.sql, key))?.id ?? null, `${key.length} characters`).toBe(found ? court!.id : null);
      }
    } finally {
      await db.sql`update courts set api_key_hash = ${court!.api_key_hash} where id = ${court!.id}`;
    }
  });

  it("a newly issued key replaces the old one", async () => {
    const [court] = await db.sql<{ id: string }[]>`select id from courts where code = 'TAND-HCM-KV01'`;
    const key = await issueCourtKey(db.sql, { courtId: court!.id });
    const res = await post({ ...apiBody, collectingOfficeCode: "HCM-KV01" }, key);
    expect(res.status).toBe(201);
    await issueCourtKey(db.sql, { courtId: court!.id });
    expect((await post(apiBody, key)).status).toBe(401);
  });

  it("refuses a key that differs from a court's only after its first characters", async () => {
    const near = `${DEMO_COURT_KEY.slice(0, -1)}${DEMO_COURT_KEY.endsWith("A") ? "B" : "A"}`;
    expect(await courtByApiKey(db.sql, near)).toBeNull();
    expect(await courtByApiKey(db.sql, `${DEMO_COURT_KEY}x`)).toBeNull();
    expect(await courtByApiKey(db.sql, DEMO_COURT_KEY.slice(0, -1))).toBeNull();
    expect((await courtByApiKey(db.sql, DEMO_COURT_KEY))?.code).toBe("TAND-HNI-KV01");
  });

  it("slows wrong keys from one client address with a 429 that carries Retry-After (JSON, localised)", async () => {
    await db.sql`delete from rate_limit_counters where key like 'court-api%'`;
    let res: Response | null = null;
    for (let i = 0; i < policies().client.free + 2; i++) res = await post(apiBody, `tak_wrong_key_${String(i).padStart(12, "0")}`);
    expect(res!.status).toBe(429);
    const wait = Number(res!.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(await res!.json()).toMatchObject({ error: "rate_limited", retryAfterSeconds: wait, message: expect.stringMatching(/^Quá nhiều yêu cầu\. Hãy thử lại sau \d+ giây\.$/) });
    // The right key waits too from that address (the wait is short), then works.
    await elapse(db.sql, wait);
    expect((await post({ ...apiBody, courtDocumentNumber: "10/TB-TA" })).status).toBe(201);
    await db.sql`delete from rate_limit_counters where key like 'court-api%'`;
  });
});
