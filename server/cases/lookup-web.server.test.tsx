import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import type { AppLoadContext } from "@remix-run/node";
import { renderToString } from "react-dom/server";
import { createMemoryRouter, RouterProvider } from "react-router-dom";
import { I18nextProvider } from "react-i18next";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { elapse } from "../../test/rate-limits";
import { demoAccessCode, seedDemo, seedDemoCases } from "../seed.server";
import { ENFORCEMENT_REQUEST_CASE, filingTasks } from "../filing";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { paths } from "../../vocabulary/paths";
import { benchAccessCode, benchReference, generateCases } from "../../scripts/generate-cases";
import { pageI18n } from "../../vocabulary/i18n/bundles.server";
import { routeNamespaces } from "../../vocabulary/i18n/namespaces";
import Page, { handle, loader, action } from "../../app/routes/tra-cuu";
import { accessCodeHash, newAccessCode, openCase, lookUpPair, verifyLookupPair, lookupReference } from "./index";
import { DEFAULT_RATE_LIMITS } from "../http";

// The status lookup without an account (ADR 066), through the route's own loader and action on a real
// database: the case by its pair; the same answer (status and page) for a wrong reference, a wrong code and
// any malformed input; the same statements on both failing paths; the limits per address and per
// reference, with the same 429 for right and wrong codes; nothing personal beyond the masked names.

let db: TestDatabase;
let services: ReturnType<typeof testServices>;
let smtp: SMTPServer;
const received: ParsedMail[] = [];
const FREE = DEFAULT_RATE_LIMITS.RATE_LIMIT_FREE_FAILURES;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => (received.push(mail), callback()), (err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  services = testServices(db.sql, { SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as { port: number }).port}` });
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db?.drop();
});

const APPLICANT = { name: "Nguyễn Thị Ánh Tuyết", id: "001186012345" };
const DEBTOR = { name: "Trần Quốc Bảo Long", id: "079090123456" };

let n = 0;
/** A filed enforcement request and its case (as server/filing files them), with its access code. */
async function filedCase() {
  const reference = `YC-2026-${String(8_000_000 + ++n)}`;
  const accessCode = newAccessCode();
  const [court] = await db.sql<{ id: string; agency_id: string }[]>`select id, agency_id from courts where agency_id is not null order by code limit 1`;
  const receivedAt = new Date(Date.now() - 2 * 86_400_000);
  const answers = { person: { fullName: APPLICANT.name, cccd: APPLICANT.id }, debtor: { debtorName: DEBTOR.name, debtorId: DEBTOR.id } };
  const [req] = await db.sql<{ id: string }[]>`
    insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, applicant_name, applicant_email, debtor_name,
      judgment_number, judgment_effective_on, answers, locale, submitted_at)
    values (${reference}, ${accessCodeHash(accessCode)}, ${court!.agency_id}, ${court!.id}, ${APPLICANT.name}, 'tuyet@lookup.test', ${DEBTOR.name},
      '12/2025/DS-ST', '2025-06-01', ${db.sql.json(answers)}, 'vi', ${receivedAt})
    returning id`;
  const opened = await db.sql.begin((tx) =>
    openCase(tx, {
      caseType: ENFORCEMENT_REQUEST_CASE,
      submissionId: req!.id,
      reference,
      agencyId: court!.agency_id,
      applicantName: APPLICANT.name,
      otherPartyName: DEBTOR.name,
      searchParts: [APPLICANT.id, DEBTOR.id],
      receivedAt,
      accessCodeHash: accessCodeHash(accessCode),
      applicantEmail: "tuyet@lookup.test",
    }),
  );
  return { reference, accessCode, caseId: opened.caseId };
}

let ipCounter = 0;
/** A new client address per test (the address counter is the strict one). */
const newIp = () => `198.51.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

function contextFor(ip: string | null): AppLoadContext {
  return { services, cspNonce: "n", requestId: "r", locale: "vi", clientIp: ip } as AppLoadContext;
}

type Answer = { status: number; headers: Headers; body: any };
function unwrap(r: unknown): Answer {
  const d = r as { type?: string; init?: ResponseInit | null; data?: unknown };
  if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, headers: new Headers(d.init?.headers), body: d.data };
  return { status: 200, headers: new Headers(), body: r };
}

async function post(fields: Record<string, string>, ip: string | null): Promise<Answer> {
  const request = new Request("http://localhost/tra-cuu", { method: "POST", body: new URLSearchParams(fields) });
  return unwrap(await action({ request, params: {}, context: contextFor(ip) } as never));
}

/** The page as the server renders it for this answer (the route's component, Vietnamese or English). */
function html(answer: Answer, locale: "vi" | "en" = "vi"): string {
  const i18n = pageI18n(locale, routeNamespaces([handle]));
  const loaderData = { found: false, reference: "", problems: [], retryAfter: 0 };
  const router = createMemoryRouter([{ path: "/tra-cuu", element: <Page />, loader: () => loaderData, action: () => answer.body, id: "lookup" }], {
    initialEntries: ["/tra-cuu"],
    hydrationData: { loaderData: { lookup: loaderData }, actionData: { lookup: answer.body } },
  });
  return renderToString(
    <I18nextProvider i18n={i18n}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  ).replace(/<!-- -->/g, "");
}

describe("the lookup page", () => {
  it("GET: the form, the reference prefilled from ?ma-ho-so= and never a code; no-store, noindex", async () => {
    const r = unwrap(await loader({ request: new Request("http://localhost/tra-cuu?ma-ho-so=YC-2026-0000042&accessCode=SECRET"), params: {}, context: contextFor(newIp()) } as never));
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ found: false, reference: "YC-2026-0000042", problems: [], retryAfter: 0 });
    expect(r.headers.get("Cache-Control")).toBe("no-store");
    expect(r.headers.get("X-Robots-Tag")).toContain("noindex");
    const page = html(r);
    expect(page).toContain('value="YC-2026-0000042"');
    expect(page).not.toContain("SECRET");
    expect(page).toContain("Ghi trên trang xác nhận");
  });

  it("POST with the right pair: the case's state, office and timeline; the code typed in any case and the reference with Unicode dashes or spaces", async () => {
    const c = await filedCase();
    for (const [reference, accessCode] of [
      [c.reference, c.accessCode],
      [c.reference.toLowerCase().replaceAll("-", "\u2013"), c.accessCode.toLowerCase()],
      [` ${c.reference.replaceAll("-", " ")} `, c.accessCode.replaceAll("-", " ")],
    ] as const) {
      const r = await post({ reference, accessCode }, newIp());
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ found: true, reference: c.reference, view: { reference: c.reference, state: "received", caseType: "enforcement-request" } });
      expect(r.body.view).not.toHaveProperty("caseId");
      expect(r.headers.get("Cache-Control")).toBe("no-store");
    }
    const page = html(await post({ reference: c.reference, accessCode: c.accessCode }, newIp()));
    expect(page).toContain(`Tình trạng hồ sơ ${c.reference}`);
    expect(page).toContain("Đã tiếp nhận");
    expect(page).toContain("Diễn biến hồ sơ");
    const [office] = await db.sql<{ name: string }[]>`select a.name from cases c join agencies a on a.id = c.agency_id where c.id = ${c.caseId}`;
    expect(page).toContain(office!.name);
  });

  it("shows nothing personal beyond what the pair proves: names masked, no ID number, no e-mail (HTML and data)", async () => {
    const c = await filedCase();
    const r = await post({ reference: c.reference, accessCode: c.accessCode }, newIp());
    for (const text of [html(r), html(r, "en"), JSON.stringify(r.body)]) {
      expect(text).not.toContain(APPLICANT.name);
      expect(text).not.toContain(DEBTOR.name);
      expect(text).not.toContain(APPLICANT.id);
      expect(text).not.toContain(DEBTOR.id);
      expect(text).not.toContain("tuyet@lookup.test");
      expect(text).toContain("Nguyễn T** Á** T****");
      expect(text).toContain("Trần Q*** B** L***");
    }
  });

  it("a wrong reference and a wrong code give the same status and the same page, byte for byte apart from the reference", async () => {
    const c = await filedCase();
    const other = await filedCase();
    const wrongReference = `YC-2026-${String(9_100_000 + n)}`; // no such case
    const wrongCode = await post({ reference: c.reference, accessCode: newAccessCode() }, newIp());
    const noSuchReference = await post({ reference: wrongReference, accessCode: c.accessCode }, newIp());
    const othersCode = await post({ reference: c.reference, accessCode: other.accessCode }, newIp());
    for (const r of [wrongCode, noSuchReference, othersCode]) {
      expect(r.status).toBe(404);
      expect([...r.headers.entries()]).toEqual([...wrongCode.headers.entries()]);
    }
    const same = (r: Answer, reference: string) => html(r).replaceAll(reference, "REFERENCE");
    expect(same(noSuchReference, wrongReference)).toBe(same(wrongCode, c.reference));
    expect(same(othersCode, c.reference)).toBe(same(wrongCode, c.reference));
    expect(JSON.stringify(noSuchReference.body).replaceAll(wrongReference, "R")).toBe(JSON.stringify(wrongCode.body).replaceAll(c.reference, "R"));
    const page = html(wrongCode);
    expect(page).toContain("Mã hồ sơ hoặc mã tra cứu không đúng. Hãy kiểm tra lại mã hồ sơ trong thư điện tử xác nhận");
    expect(page).toContain(`value="${c.reference}"`); // the reference kept
    expect(page).not.toMatch(/name="accessCode"[^>]*value=/); // the code field empty
    expect(html(wrongCode, "en")).toContain("The reference or the access code is not right. Check the reference in the confirmation e-mail");
  });

  it("bad input gets the same clear, localised answer as a wrong pair, never a 500; empty fields say which is missing", async () => {
    const c = await filedCase();
    const base = await post({ reference: "YC-2026-9999999", accessCode: newAccessCode() }, newIp());
    const sameAsWrong = (r: Answer) => {
      expect(r.status).toBe(404);
      expect({ ...r.body, reference: "" }).toEqual({ ...base.body, reference: "" });
    };
    const bad: Record<string, string>[] = [
      { reference: "A".repeat(10_240), accessCode: c.accessCode },
      { reference: c.reference, accessCode: "Z".repeat(10_240) },
      { reference: `${c.reference}\u0000`, accessCode: c.accessCode },
      { reference: "YC\u0000-2026", accessCode: "\u0000\u0007\u001b[2J" },
      { reference: "' OR 1=1 --", accessCode: "'; drop table cases; --" },
      { reference: "YC-2026-0000001'; select pg_sleep(5); --", accessCode: c.accessCode },
      { reference: "YC\u20142026\u20129999998", accessCode: c.accessCode }, // Unicode dashes, no such case
      { reference: "%00%27", accessCode: "<script>alert(1)</script>" },
      { reference: "𝒴𝒞-２０２６-９９９９９９７", accessCode: c.accessCode },
    ];
    for (const fields of bad) sameAsWrong(await post(fields, newIp()));
    // A 10 kB reference is echoed cut short, without control characters.
    const long = await post({ reference: "A".repeat(10_240), accessCode: "x" }, newIp());
    expect(long.body.reference).toBe("A".repeat(60));
    expect((await post({ reference: "YC\u0000-1\u0007", accessCode: "x" }, newIp())).body.reference).toBe("YC-1");
    // Empty (or blank) fields: which one to fill in, the other kept.
    const empty = await post({ reference: "  ", accessCode: "" }, newIp());
    expect(empty).toMatchObject({ status: 400, body: { found: false, problems: ["referenceRequired", "accessCodeRequired"] } });
    const noCode = await post({ reference: c.reference, accessCode: " " }, newIp());
    expect(noCode).toMatchObject({ status: 400, body: { reference: c.reference, problems: ["accessCodeRequired"] } });
    expect(html(noCode)).toContain("Nhập mã tra cứu");
    expect(html(noCode, "en")).toContain("Enter the access code");
    const missing = await post({}, newIp());
    expect(missing.status).toBe(400);
  });

  it("runs the same statements for a wrong reference and a wrong code (rate limit, then the one pair query)", async () => {
    const c = await filedCase();
    const statements: string[] = [];
    const counted = postgres(db.url, { max: 1, onnotice: () => {}, debug: (_conn, query) => statements.push(query.replace(/\s+/g, " ").trim()) });
    try {
      const run = async (reference: string, accessCode: string) => {
        statements.length = 0;
        const outcome = await lookUpPair(counted as never, { reference, accessCode, ip: newIp() });
        expect(outcome).toEqual({ ok: false, reason: "not-found" });
        return [...statements];
      };
      await run("YC-2026-7777770", newAccessCode()); // the connection's own first queries (types) out of the way
      const wrongCode = await run(c.reference, newAccessCode());
      const wrongReference = await run("YC-2026-7777777", c.accessCode);
      expect(wrongCode.length).toBeGreaterThanOrEqual(4); // begin, counters, verify …
      expect(wrongReference).toEqual(wrongCode);
      expect(wrongCode.filter((s) => /from cases where reference/.test(s))).toHaveLength(1);
      // The right pair does the same and then settles its counters.
      statements.length = 0;
      expect(await lookUpPair(counted as never, { reference: c.reference, accessCode: c.accessCode, ip: newIp() })).toMatchObject({ ok: true, caseId: c.caseId });
      expect(statements.slice(0, wrongCode.length)).toEqual(wrongCode);
      expect(statements.length).toBeGreaterThan(wrongCode.length);
    } finally {
      await counted.end();
    }
  });
});

describe("rate limits (ADR 066)", () => {
  it("one address: after 2 × free failures it waits, and then the right code gets the same 429 as a wrong one", async () => {
    const c = await filedCase();
    const ip = newIp();
    for (let i = 0; i < FREE * 2; i++) expect((await post({ reference: `YC-2026-${6_000_000 + i}`, accessCode: newAccessCode() }, ip)).status).toBe(404);
    expect((await post({ reference: "YC-2026-6999999", accessCode: newAccessCode() }, ip)).status).toBe(404); // counted: the wait starts after it
    const right = await post({ reference: c.reference, accessCode: c.accessCode }, ip);
    const wrong = await post({ reference: c.reference, accessCode: newAccessCode() }, ip);
    expect(right.status).toBe(429);
    expect(right.body).toEqual(wrong.body);
    expect(right.body).toMatchObject({ found: false, problems: ["rateLimited"] });
    expect(Number(right.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    const page = html(right);
    expect(page).toContain("Đã có quá nhiều lần tra cứu sai");
    expect(page).toContain("đăng nhập bằng địa chỉ thư điện tử bạn đã khai khi gửi đơn");
    expect(page).toContain('href="/dang-nhap"');
    expect(html(right, "en")).toContain("sign in with the e-mail address you gave when filing");
    // Another address is not held up by this one.
    expect((await post({ reference: c.reference, accessCode: c.accessCode }, newIp())).status).toBe(200);
    await elapse(db.sql, 3600);
  });

  it("one reference: failures from many addresses hold it up for everyone, right code or not, and the real party is told to sign in; afterwards the right pair starts it again", async () => {
    const c = await filedCase();
    // Each attacker address stays under its own limit; together they pass the reference's (4 × free).
    for (let i = 0; i < FREE * 4 + 1; i++) expect((await post({ reference: c.reference, accessCode: newAccessCode() }, newIp())).status).toBe(404);
    const right = await post({ reference: c.reference, accessCode: c.accessCode }, newIp());
    const wrong = await post({ reference: c.reference, accessCode: newAccessCode() }, newIp());
    expect(right.status).toBe(429);
    expect(wrong.status).toBe(429);
    expect(right.body).toEqual(wrong.body);
    expect(right.headers.get("Retry-After")).toBe(wrong.headers.get("Retry-After"));
    // A reference that does not exist is held up the same way (no oracle in the 429 either).
    const ghost = "YC-2026-5555555";
    for (let i = 0; i < FREE * 4 + 1; i++) await post({ reference: ghost, accessCode: newAccessCode() }, newIp());
    const ghostAnswer = await post({ reference: ghost, accessCode: newAccessCode() }, newIp());
    expect(ghostAnswer.status).toBe(429);
    expect({ ...ghostAnswer.body, reference: "", retryAfter: 0 }).toEqual({ ...right.body, reference: "", retryAfter: 0 });
    // Other references are not held up.
    const other = await filedCase();
    expect((await post({ reference: other.reference, accessCode: other.accessCode }, newIp())).status).toBe(200);
    // The wait is capped (RATE_LIMIT_MAX_DELAY_SECONDS): once over, the right pair gets in and clears the reference's count.
    await elapse(db.sql, DEFAULT_RATE_LIMITS.RATE_LIMIT_MAX_DELAY_SECONDS);
    expect((await post({ reference: c.reference, accessCode: c.accessCode }, newIp())).status).toBe(200);
    const [left] = await db.sql`select count(*)::int as n from rate_limit_counters where key = ${`case-lookup:reference:${c.reference}`}`;
    expect(left!.n).toBe(0);
    expect((await post({ reference: c.reference, accessCode: newAccessCode() }, newIp())).status).toBe(404);
  });
});

describe("old requests and the generator", () => {
  it("a request filed before migration 00014 (its case opened by 00012, the code backfilled by 00014) is found by its pair", async () => {
    const dir = path.join(__dirname, "..", "db", "migrations");
    const backfill = fs.readFileSync(path.join(dir, "00012_cases_backfill", "index.sql"), "utf8");
    const follow = fs.readFileSync(path.join(dir, "00014_follow", "index.sql"), "utf8");
    const copyCodes = /update cases c set access_code_hash[\s\S]*?;/.exec(follow)?.[0];
    expect(copyCodes).toBeDefined();
    const reference = "YC-2025-0000777";
    const accessCode = "ABCD-EFGH-JKLM-NPQR";
    const [court] = await db.sql<{ id: string; agency_id: string }[]>`select id, agency_id from courts where agency_id is not null order by code limit 1`;
    await db.sql`
      insert into enforcement_requests (reference, access_code_hash, agency_id, court_id, applicant_name, debtor_name, judgment_number,
        judgment_effective_on, answers, submitted_at)
      values (${reference}, ${accessCodeHash(accessCode)}, ${court!.agency_id}, ${court!.id}, 'Lê Văn Cũ', 'Phạm Thị Nợ', '3/2024/DS-ST', '2024-01-01', '{}'::jsonb,
        '2025-11-20T03:00:00Z')`;
    await db.sql.begin((tx) => tx.unsafe(backfill));
    const [opened] = await db.sql<{ access_code_hash: Buffer | null }[]>`select access_code_hash from cases where reference = ${reference}`;
    expect(opened!.access_code_hash).toBeNull(); // as it was between 00012 and 00014
    expect(await verifyLookupPair(db.sql, { reference, accessCode })).toBeNull();
    await db.sql.begin((tx) => tx.unsafe(copyCodes!));
    const r = await post({ reference, accessCode: accessCode.toLowerCase() }, newIp());
    expect(r).toMatchObject({ status: 200, body: { found: true, view: { reference, state: "received" } } });
    expect((await post({ reference, accessCode: "ABCD-EFGH-JKLM-NPQS" }, newIp())).status).toBe(404);
  });

  it("SHA-256 of 'access:' || code in SQL equals accessCodeHash (scripts/generate-cases.ts computes the codes' digests in SQL)", async () => {
    for (const code of ["ABCD-EFGH-JKLM-NPQR", newAccessCode(), "2345678923456789"]) {
      const plain = code.replaceAll("-", "");
      const [row] = await db.sql<{ h: Buffer }[]>`select sha256(convert_to('access:' || ${plain}, 'UTF8')) as h`;
      expect(row!.h.equals(accessCodeHash(code))).toBe(true);
    }
    // The generator's codes: each generated case is found by (benchReference(i), benchAccessCode(i)).
    const total = await generateCases(db.sql, 30, { offices: 2, accessCodes: true, batch: 20 });
    for (const i of [total - 29, total - 10, total]) {
      expect(await verifyLookupPair(db.sql, { reference: benchReference(i), accessCode: benchAccessCode(i) })).not.toBeNull();
      expect(await verifyLookupPair(db.sql, { reference: benchReference(i), accessCode: benchAccessCode(i + 1) })).toBeNull();
    }
    await generateCases(db.sql, 5, { offices: 2 });
    const [plain] = await db.sql<{ n: number }[]>`select count(*)::int as n from cases where reference like 'BG-2026-%' and access_code_hash is null`;
    expect(plain!.n).toBe(5);
    expect(lookupReference("yc–2026–0000001")).toBe("YC-2026-0000001");
    expect(lookupReference("YC\u00002026")).toBe("");
  });
});

describe("links to the lookup", () => {
  it("paths.lookup prefills the reference only", () => {
    expect(paths.lookup()).toBe("/tra-cuu");
    expect(paths.lookup("YC-2026-0000001")).toBe("/tra-cuu?ma-ho-so=YC-2026-0000001");
    expect(paths.lookup("a b&c")).toBe("/tra-cuu?ma-ho-so=a%20b%26c");
  });

  it("the filing confirmation e-mail (over SMTP) links the lookup with the reference, never the code", async () => {
    const c = await filedCase();
    const [req] = await db.sql<{ id: string }[]>`select id from enforcement_requests where reference = ${c.reference}`;
    const before = received.length;
    await filingTasks(services).send_filing_confirmation({ requestId: req!.id }, {} as never);
    await expect.poll(() => received.length).toBe(before + 1);
    const mail = received[received.length - 1]!;
    const url = new URL(paths.lookup(c.reference), services.config.BASE_URL).toString();
    expect(mail.text).toContain(url);
    expect(String(mail.html)).toContain(`href="${url}"`);
    expect(mail.text).toContain("Xem tình trạng hồ sơ bất cứ lúc nào");
    expect(`${mail.text}${String(mail.html)}`).not.toContain(c.accessCode);
  });
});

describe("the demo cases (npm start)", () => {
  it("each has a known code (derived from its applicant's e-mail) and is found by its pair, with its timeline", async () => {
    await seedDemoCases(db.sql);
    const rows = await db.sql<{ reference: string; applicant_email: string; state: string; events: number }[]>`
      select c.reference, c.applicant_email, c.state, (select count(*)::int from case_timeline t where t.case_id = c.id) as events
      from cases c where c.applicant_email like '%@example.com' order by c.reference`;
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const r of rows) {
      const code = demoAccessCode(r.applicant_email);
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}$/);
      const found = await post({ reference: r.reference, accessCode: code }, newIp());
      expect(found).toMatchObject({ status: 200, body: { found: true, view: { reference: r.reference, state: r.state } } });
      expect(found.body.view.timeline).toHaveLength(r.events);
      if (process.env.PRINT_DEMO_PAIRS) process.stdout.write(`${r.reference}  ${code}  ${r.state}  ${r.applicant_email}\n`);
    }
    expect(demoAccessCode("quangvinh.trinh@example.com")).toBe(demoAccessCode("quangvinh.trinh@example.com"));
  });
});
