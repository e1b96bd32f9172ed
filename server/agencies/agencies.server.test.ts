import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff, signInStaff, SESSION_COOKIE } from "../accounts";
import { DEMO_PASSWORD, DEMO_STAFF } from "../seed.server";
import { listNoticesForAccountant } from "../payments";
import {
  listReceiptsForAccountant,
  listRefundsForStaff,
  proposeRefund,
} from "../receipts";
// The receipts domain's test harness (a test helper, never part of its entry: it imports vitest).
import { paidNotice, startHarness, type Harness } from "../receipts/test-harness";
import { createAgency, moveAgency, deactivateAgency } from "./tree.server";
import { checkTreeCsv, decodeCsv, importTreeCsv } from "./tree-import.server";
import { grantRole } from "./staff-admin.server";
import { issueCourtKeyByAdmin, revokeCourtKeyByAdmin } from "./courts.server";
import { createCourtFromForm, loadAdminHome, loadAgencyTree, loadCourts, loadStaffAccounts, loadTreeImport } from "./admin-web.server";

let h: Harness;
let admin: { staffId: string; ip: null; requestId: null };
const agencyId = async (code: string) => (await h.db.sql<{ id: string }[]>`select id from agencies where code = ${code}`)[0]!.id;
const count = async () => Number((await h.db.sql<{ n: string }[]>`select count(*) as n from agencies`)[0]!.n);

beforeAll(async () => {
  h = await startHarness();
  admin = { staffId: (await h.db.sql<{ id: string }[]>`select id from staff where email = 'quantri@thads.local'`)[0]!.id, ip: null, requestId: null };
}, 60_000);
afterAll(async () => {
  await h?.close();
});

describe("the agency tree's CSV import", () => {
  const GOOD = "\uFEFFma,ten,ma_cap_tren,loai,dia_chi\r\nHNI-KV03,Phòng Thi hành án dân sự khu vực 3 – Hà Nội,HNI,khu_vuc,Số 1 phố Huế\r\nHPG,Thi hành án dân sự thành phố Hải Phòng,CUC-QLTHADS,tinh,\r\nHPG-KV01,Phòng Thi hành án dân sự khu vực 1 – Hải Phòng,HPG,khu_vuc,\r\nHNI-KV01,Phòng THADS khu vực 1 – Hà Nội (tên mới),HNI,khu_vuc,\r\n";

  it("a good file (BOM, CRLF, a child before... or after its new parent): previewed, then written; existing codes updated", async () => {
    const before = await count();
    const preview = await checkTreeCsv(h.db.sql, decodeCsv(new TextEncoder().encode(GOOD)));
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.rows.map((r) => [r.line, r.code, r.exists])).toEqual([[2, "HNI-KV03", false], [3, "HPG", false], [4, "HPG-KV01", false], [5, "HNI-KV01", true]]);
    expect(await count()).toBe(before); // the preview writes nothing
    const done = await importTreeCsv(h.db.sql, decodeCsv(new TextEncoder().encode(GOOD)), admin);
    expect(done).toEqual({ ok: true, created: 3, updated: 1 });
    expect(await count()).toBe(before + 3);
    const [kv1] = await h.db.sql<{ name: string; parent: string }[]>`
      select a.name, p.code as parent from agencies a join agencies p on p.id = a.parent_id where a.code = 'HPG-KV01'`;
    expect(kv1).toEqual({ name: "Phòng Thi hành án dân sự khu vực 1 – Hải Phòng", parent: "HPG" });
    const [audited] = await h.db.sql`select details from audit_log where action = 'agency.import_csv' order by id desc limit 1`;
    expect(audited!.details).toMatchObject({ created: 3, updated: 1 });
  });

  it("bad rows are reported with their line and column, and nothing is written", async () => {
    const bad = [
      "ma,ten,ma_cap_tren,loai",
      "NEW-A,Phòng mới A,HNI,khu_vuc", // fine on its own
      "NEW-A,Phòng trùng mã,HNI,khu_vuc", // line 3: duplicate code
      "NEW-B,,HNI,khu_vuc", // line 4: empty name
      "NEW-C,Phòng không cấp trên,KHONG-CO,khu_vuc", // line 5: unknown parent
      "NEW-D,Phòng sai cấp,HNI,phuong", // line 6: unknown level
      "LOOP-1,Vòng một,LOOP-2,tinh", // lines 7-8: a cycle
      "LOOP-2,Vòng hai,LOOP-1,tinh",
      "bad code!,Phòng mã sai,HNI,khu_vuc", // line 9: code format
    ].join("\n");
    const before = await count();
    const result = await importTreeCsv(h.db.sql, bad, admin);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.line, p.column, p.error])).toEqual([
      [3, "ma", "admin.import.errors.duplicate"],
      [4, "ten", "admin.errors.nameRequired"],
      [5, "ma_cap_tren", "admin.import.errors.parentUnknown"],
      [6, "loai", "admin.import.errors.level"],
      [7, "ma_cap_tren", "admin.import.errors.cycle"],
      [8, "ma_cap_tren", "admin.import.errors.cycle"],
      [9, "ma", "admin.errors.codeFormat"],
    ]);
    expect(await count()).toBe(before);
    expect((await h.db.sql`select 1 from agencies where code = 'NEW-A'`).length).toBe(0);
  });

  it("refuses a file that is not UTF-8 and one without the required columns", async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode("ma,ten,ma_cap_tren,loai\nX1,Ph"), 0xf2, 0x6e, 0x67, ...new TextEncoder().encode(",HNI,khu_vuc\n")]);
    expect(await checkTreeCsv(h.db.sql, decodeCsv(latin1))).toEqual({ ok: false, problems: [{ line: 0, column: null, error: "admin.import.errors.encoding" }] });
    expect(await checkTreeCsv(h.db.sql, "code,name\nX,Y\n")).toEqual({ ok: false, problems: [{ line: 1, column: "ma, ten, ma_cap_tren, loai", error: "admin.import.errors.header" }] });
  });
});

describe("moving an office moves what its staff can see", () => {
  it("a provincial accountant and head who reach sub-offices see a moved office's notices, receipts and refunds, and stop when it moves away", async () => {
    const created = await createAgency(h.db.sql, { code: "HCM-KV09", name: "Phòng Thi hành án dân sự khu vực 9", parentId: await agencyId("HCM"), level: "district" }, admin);
    if (!created.ok) throw new Error(created.error);
    const localAccountant = await createStaff(h.db.sql, { email: "ketoan.kv9@thads.local", fullName: "Kế toán KV9", password: "x".repeat(12), roles: [{ role: "accountant", agencyId: created.id }] });
    const { attempt } = await paidNotice(h, { agencyCode: "HCM-KV09", amount: 900_000 });
    const refund = await proposeRefund(h.db.sql, { txnRef: attempt.txn_ref, amount: 50_000, reason: "Nộp thừa" }, { staffId: localAccountant, ip: null, requestId: null });
    if (!refund.ok) throw new Error(refund.error);

    const province = await createStaff(h.db.sql, { email: "ketoan.tinh.hni@thads.local", fullName: "Kế toán tỉnh HNI", password: "x".repeat(12), roles: [] });
    await grantRole(h.db.sql, { staffId: province, agencyId: await agencyId("HNI"), role: "accountant", reachesSubOffices: true }, admin);
    await grantRole(h.db.sql, { staffId: province, agencyId: await agencyId("HNI"), role: "head", reachesSubOffices: true }, admin);
    // Without reach, the same roles at the province see none of a sub-office's rows.
    const noReach = await createStaff(h.db.sql, { email: "ketoan.tinh.noreach@thads.local", fullName: "Kế toán tỉnh", password: "x".repeat(12), roles: [{ role: "accountant", agencyId: await agencyId("HNI") }] });

    const sees = async (staffId: string) => ({
      receipts: (await listReceiptsForAccountant(h.db.sql, { staffId })).some((r) => r.agency_name === "Phòng Thi hành án dân sự khu vực 9"),
      notices: (await listNoticesForAccountant(h.db.sql, { staffId })).some((n) => n.agency_id === created.id),
      refunds: (await listRefundsForStaff(h.db.sql, { staffId })).some((r) => r.id === refund.id),
    });
    const none = { receipts: false, notices: false, refunds: false };
    const all = { receipts: true, notices: true, refunds: true };
    expect(await sees(province)).toEqual(none); // HCM-KV09 is under HCM
    expect(await sees(localAccountant)).toEqual({ receipts: true, notices: true, refunds: true });

    expect(await moveAgency(h.db.sql, { id: created.id, parentId: await agencyId("HNI") }, admin)).toEqual({ ok: true, id: created.id });
    expect(await sees(province)).toEqual(all);
    expect(await sees(noReach)).toEqual(none);
    expect((await listNoticesForAccountant(h.db.sql, { staffId: province })).some((n) => n.agency_name.includes("khu vực 1 – Hà Nội"))).toBe(true);

    expect((await moveAgency(h.db.sql, { id: created.id, parentId: await agencyId("HCM") }, admin)).ok).toBe(true);
    expect(await sees(province)).toEqual(none);
    expect(await sees(localAccountant)).toEqual(all);
  });

  it("refuses a move under itself or below itself, and says what keeps an office from being deactivated", async () => {
    const hni = await agencyId("HNI");
    expect(await moveAgency(h.db.sql, { id: hni, parentId: await agencyId("HNI-KV02") }, admin)).toMatchObject({ ok: false, error: "admin.errors.cycle" });
    expect(await moveAgency(h.db.sql, { id: hni, parentId: hni }, admin)).toMatchObject({ ok: false, error: "admin.errors.cycle" });
    const blocked = await deactivateAgency(h.db.sql, { id: await agencyId("HNI-KV01") }, admin);
    expect(blocked).toMatchObject({ ok: false, error: "admin.errors.stillInUse" });
    if (!blocked.ok) expect(blocked.blockers!.staff).toBeGreaterThan(0);
    const empty = await createAgency(h.db.sql, { code: "EMPTY-KV", name: "Phòng trống", parentId: hni, level: "district" }, admin);
    if (!empty.ok) throw new Error(empty.error);
    expect(await deactivateAgency(h.db.sql, { id: empty.id }, admin)).toEqual({ ok: true });
  });
});

describe("court API keys", () => {
  const post = (key: string) =>
    fetch(`${h.base}/api/courts/notices`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify({
        courtDocumentNumber: "9/2026/TB-TA", caseReference: "Vụ án dân sự số 9/2026", payerName: "Vũ Thị Lan", payerIdNumber: "001085012346",
        payerAddress: "Số 3 phố Tràng Tiền, Hà Nội", amount: 1_250_000, dueDate: "2026-12-31", collectingOfficeCode: "HNI-KV02",
      }),
    });

  it("is returned once, stored only hashed, and refused at once after revoking (and after re-issuing, the old one)", async () => {
    const [court] = await h.db.sql<{ id: string }[]>`select id from courts where code = 'TAND-HNI-KV02'`;
    const key = (await issueCourtKeyByAdmin(h.db.sql, { courtId: court!.id }, admin))!;
    expect((await h.db.sql`select 1 from courts where api_key_hash::text like ${"%" + key + "%"}`).length).toBe(0);
    expect((await post(key)).status).toBe(201);
    const second = (await issueCourtKeyByAdmin(h.db.sql, { courtId: court!.id }, admin))!;
    expect((await post(key)).status).toBe(401);
    expect((await post(second)).status).toBe(201);
    expect(await revokeCourtKeyByAdmin(h.db.sql, { courtId: court!.id }, admin)).toBe(true);
    expect((await post(second)).status).toBe(401);
    const actions = (await h.db.sql<{ action: string }[]>`select action from audit_log where target_id = ${court!.id} order by id`).map((r) => r.action);
    expect(actions).toEqual(["court.api_key.issue", "court.api_key.issue", "court.api_key.revoke"]);
  });
});

describe("the admin pages", () => {
  const pages = [loadAdminHome, loadAgencyTree, loadTreeImport, loadStaffAccounts, loadCourts];
  const context = () => ({ services: h.services, cspNonce: "n", requestId: "r", locale: "vi", clientIp: "203.0.113.90" }) as unknown as AppLoadContext;
  const statusOf = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      return 200;
    } catch (e) {
      return e instanceof Response ? e.status : ((e as { init?: { status?: number } })?.init?.status ?? 500);
    }
  };
  const cookieOf = async (email: string) => {
    const s = await signInStaff(h.db.sql, { email, password: DEMO_PASSWORD, ip: "203.0.113.91", userAgent: "vitest", locale: "vi" });
    if (!s.ok) throw new Error(s.reason);
    return `${SESSION_COOKIE}=${s.token}`;
  };

  it("open for the administrator only: every other role gets 403, a visitor and a citizen the sign-in page", async () => {
    for (const s of DEMO_STAFF) {
      const cookie = await cookieOf(s.email);
      for (const page of pages) {
        const status = await statusOf(() => page(new Request("http://localhost/staff/admin", { headers: { cookie } }), context()));
        expect(status, `${s.role} on ${page.name}`).toBe(s.role === "admin" ? 200 : 403);
      }
      // Actions too: a clerk cannot create a court by posting the form.
      const form = new URLSearchParams({ code: `X-${s.role.toUpperCase()}`, name: "Tòa án thử", agencyId: "" });
      const status = await statusOf(() => createCourtFromForm(new Request("http://localhost/staff/admin/courts", { method: "POST", body: form, headers: { cookie } }), context()));
      expect(status, `${s.role} posting a court`).toBe(s.role === "admin" ? 302 : 403);
    }
    const [citizen] = await h.db.sql<{ id: string }[]>`insert into citizens (email) values ('dan@example.vn') returning id`;
    const { createSession } = await import("../accounts");
    const session = await createSession(h.db.sql, { citizenId: citizen!.id }, { ip: null, userAgent: null });
    for (const cookie of ["", `${SESSION_COOKIE}=${session.token}`]) {
      for (const page of pages) expect(await statusOf(() => page(new Request("http://localhost/staff/admin", { headers: { cookie } }), context()))).toBe(302);
    }
  });
});

