import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo, DEMO_PASSWORD } from "../seed.server";
import { createStaff } from "../accounts";
import { accessCodeHash, defineCaseType, fireEvent, issueCaseDocument, openCase, registerCaseType, caseDocumentKey } from "../cases";
import { findDocument, sha256Hex } from "../documents";
import { servicePaths } from "../../vocabulary/paths";
import {
  giveConsent,
  withdrawConsent,
  liveConsent,
  serveDocument,
  openServedDocument,
  serviceProof,
  sendServiceNotice,
  serveEventDocument,
  paperServiceDue,
  recordPaperService,
  markNoticeBounced,
  servicesOfCase,
} from "./index";

// Electronic service (ADR 074) against a real PostgreSQL and a real SMTP server: consent, serve (hash, timeline,
// the notice without the document), who may open it, the first opening recorded once and immutable, paper service.

const SERVED = registerCaseType(
  defineCaseType({
    id: "test-served",
    content: "cases.test",
    initial: "open",
    states: ["open", "done"],
    final: ["done"],
    viewers: ["clerk", "officer", "head"],
    clocks: {},
    events: {
      decide: { from: ["open"], to: "done", roles: ["officer", "head"], fields: [], schema: z.object({}), public: true, notify: false, document: "closing-decision", serve: true },
    },
  }),
);

let db: TestDatabase;
let smtp: SMTPServer;
let port: number;
const received: { to: string[]; mail: ParsedMail }[] = [];
const ids: Record<string, string> = {};
const BASE = "https://dichvu.thads.test";
const CODE = "ABCD2345EFGH";

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("bounce")) return callback(Object.assign(new Error("no such user"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  port = (smtp.server.address() as { port: number }).port;
  for (const a of await db.sql<{ id: string; code: string }[]>`select id, code from agencies where code in ('HNI-KV01', 'HNI-KV02')`) ids[a.code] = a.id;
  const [o] = await db.sql<{ id: string }[]>`select id from staff where email = 'chaphanhvien@thads.local'`;
  ids.officer = o!.id;
  ids.other = await createStaff(db.sql, { email: "officer-b@test.local", fullName: "Lê Văn Bình", password: DEMO_PASSWORD, roles: [{ role: "officer", agencyId: ids["HNI-KV02"]! }] });
  for (const name of ["owner", "stranger"]) {
    const [c] = await db.sql<{ id: string }[]>`insert into citizens (email, full_name) values (${`${name}@example.vn`}, ${name}) returning id`;
    ids[name] = c!.id;
  }
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await db?.drop();
});

let n = 0;
/** A case of the owner at HNI-KV01, decided (its closing decision issued); returns the case and the decision's seq. */
async function decidedCase() {
  n += 1;
  const reference = `TD-2026-${String(n).padStart(6, "0")}`;
  const { caseId } = await db.sql.begin((tx) =>
    openCase(tx, {
      caseType: SERVED,
      submissionId: crypto.randomUUID(),
      reference,
      agencyId: ids["HNI-KV01"]!,
      applicantName: "Nguyễn Thị Hồng Nhung",
      receivedAt: new Date(Date.now() - 3600_000),
      accessCodeHash: accessCodeHash(CODE),
      citizenId: ids.owner!,
      applicantEmail: "owner@example.vn",
    }),
  );
  const fired = await fireEvent(db.sql, { caseId, event: "decide", actor: { type: "staff", staffId: ids.officer! }, input: {} });
  if (!fired.ok) throw new Error(fired.reason);
  await issueCaseDocument(db.sql, { caseId, eventId: fired.eventId, document: "closing-decision" });
  return { caseId, reference, seq: fired.seq, eventId: fired.eventId };
}
const party = (caseId: string) => ({ caseId, citizenId: ids.owner!, provedBy: "account" as const });
const officer = () => ({ type: "staff" as const, staffId: ids.officer! });

describe("consent", () => {
  it("is given once, withdrawn, audited; a bad address is refused", async () => {
    const { caseId } = await decidedCase();
    expect(await giveConsent(db.sql, { ...party(caseId), email: "not an address" })).toEqual({ ok: false, reason: "invalid-email" });
    const given = await giveConsent(db.sql, { ...party(caseId), email: "owner@example.vn" });
    expect(given.ok).toBe(true);
    const again = await giveConsent(db.sql, { ...party(caseId), email: "other@example.vn" });
    expect(again.ok && given.ok && again.consent.id === given.consent.id).toBe(true);
    expect(await withdrawConsent(db.sql, party(caseId))).toBe(true);
    expect(await withdrawConsent(db.sql, party(caseId))).toBe(false);
    expect(await liveConsent(db.sql, caseId)).toBeNull();
    const actions = await db.sql<{ action: string }[]>`select action from audit_log where target_id = ${caseId} and action like 'service.%' order by id`;
    expect(actions.map((a) => a.action)).toEqual(["service.consent-given", "service.consent-withdrawn"]);
  });
});

describe("serving a document", () => {
  it("needs the party's consent and an officer of the case's office", async () => {
    const { caseId, seq } = await decidedCase();
    expect(await serveDocument(db.sql, { caseId, seq, actor: officer() })).toEqual({ ok: false, reason: "no-consent" });
    await giveConsent(db.sql, { ...party(caseId), email: "owner@example.vn" });
    expect(await serveDocument(db.sql, { caseId, seq, actor: { type: "staff", staffId: ids.other! } })).toEqual({ ok: false, reason: "not-found" });
    expect(await serveDocument(db.sql, { caseId, seq: 1, actor: officer() })).toEqual({ ok: false, reason: "not-found" });
  });

  it("records the exact PDF's SHA-256, a public timeline entry, the audit, and queues the notice", async () => {
    const { caseId, seq } = await decidedCase();
    await giveConsent(db.sql, { ...party(caseId), email: "owner@example.vn" });
    const served = await serveDocument(db.sql, { caseId, seq, actor: officer() });
    if (!served.ok) throw new Error(served.reason);
    const stored = await findDocument(db.sql, caseDocumentKey(caseId, seq));
    expect(served.sha256).toBe(sha256Hex(stored!.bytes!));
    expect(served.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const [tl] = await db.sql<{ details: Record<string, unknown> }[]>`select details from case_timeline where case_id = ${caseId} and event = 'document-served'`;
    expect(tl!.details).toMatchObject({ document: "closing-decision", sha256: served.sha256 });
    const [a] = await db.sql`select 1 from audit_log where target_id = ${caseId} and action = 'case.document-served' and actor_id = ${ids.officer!}`;
    expect(a).toBeTruthy();
    const [job] = await db.sql`select 1 from job_outbox where task = 'service_notice' and payload->>'serviceId' = ${served.serviceId}`;
    expect(job).toBeTruthy();
    expect(await serveDocument(db.sql, { caseId, seq, actor: officer() })).toEqual({ ok: false, reason: "already-served" });
  });

  it("e-mails a link to the portal, never the document attached (real SMTP)", async () => {
    const { caseId, seq, reference } = await decidedCase();
    await giveConsent(db.sql, { ...party(caseId), email: "owner@example.vn" });
    const served = await serveDocument(db.sql, { caseId, seq, actor: officer() });
    if (!served.ok) throw new Error(served.reason);
    const services = testServices(db.sql, { SMTP_URL: `smtp://127.0.0.1:${port}`, BASE_URL: BASE });
    try {
      expect(await sendServiceNotice(services, { serviceId: served.serviceId })).toBe("sent");
    } finally {
      services.mailer.close();
    }
    const mail = received.at(-1)!;
    expect(mail.to).toEqual(["owner@example.vn"]);
    expect(mail.mail.subject).toContain(reference);
    expect(mail.mail.attachments).toHaveLength(0);
    expect(mail.mail.text).toContain(`${BASE}${servicePaths.served(served.serviceId)}`);
    expect(mail.mail.text).not.toContain("%PDF");
  });

  it("a refused address marks the notice bounced: the officer must serve on paper, and records it", async () => {
    const { caseId, seq } = await decidedCase();
    await giveConsent(db.sql, { ...party(caseId), email: "bounce@example.vn" });
    const served = await serveDocument(db.sql, { caseId, seq, actor: officer() });
    if (!served.ok) throw new Error(served.reason);
    expect(await paperServiceDue(db.sql, caseId)).toHaveLength(0);
    const services = testServices(db.sql, { SMTP_URL: `smtp://127.0.0.1:${port}`, BASE_URL: BASE });
    try {
      expect(await sendServiceNotice(services, { serviceId: served.serviceId })).toBe("bounced");
    } finally {
      services.mailer.close();
    }
    expect((await paperServiceDue(db.sql, caseId)).map((s) => s.id)).toEqual([served.serviceId]);
    expect(await recordPaperService(db.sql, { caseId, seq, staffId: ids.officer!, servedOn: "2999-01-01", method: "post" })).toEqual({ ok: false, reason: "invalid-date" });
    expect(await recordPaperService(db.sql, { caseId, seq, staffId: ids.other!, servedOn: "2026-01-05", method: "post" })).toEqual({ ok: false, reason: "not-found" });
    const paper = await recordPaperService(db.sql, { caseId, seq, staffId: ids.officer!, servedOn: "2026-01-05", method: "post" });
    expect(paper.ok).toBe(true);
    expect(await paperServiceDue(db.sql, caseId)).toHaveLength(0);
    const [a] = await db.sql`select 1 from audit_log where target_id = ${caseId} and action = 'case.document-served-paper'`;
    expect(a).toBeTruthy();
  });

  it("not opened by the due date → serve on paper", async () => {
    const { caseId, seq } = await decidedCase();
    await giveConsent(db.sql, { ...party(caseId), email: "owner@example.vn" });
    const served = await serveDocument(db.sql, { caseId, seq, actor: officer() });
    if (!served.ok) throw new Error(served.reason);
    expect(await paperServiceDue(db.sql, caseId, served.dueOn)).toHaveLength(0);
    expect(await paperServiceDue(db.sql, caseId, "2999-01-01")).toHaveLength(1);
  });
});

describe("opening a served document", () => {
  it("only the party served and the case's office; everyone else the same not-found", async () => {
    const { caseId, seq, reference } = await decidedCase();
    await giveConsent(db.sql, { ...party(caseId), email: "owner@example.vn" });
    const served = await serveDocument(db.sql, { caseId, seq, actor: officer() });
    if (!served.ok) throw new Error(served.reason);
    const id = served.serviceId;
    expect(await openServedDocument(db.sql, id, { type: "citizen", citizenId: ids.stranger! })).toBeNull();
    expect(await openServedDocument(db.sql, id, { type: "staff", staffId: ids.other! })).toBeNull();
    expect(await openServedDocument(db.sql, id, { type: "lookup", reference, accessCode: "WRONG2345XYZ" })).toBeNull();
    expect(await openServedDocument(db.sql, crypto.randomUUID(), { type: "citizen", citizenId: ids.owner! })).toBeNull();
    // The office opens it: no opening of the party is recorded.
    const byStaff = await openServedDocument(db.sql, id, officer());
    expect(byStaff?.viewer).toBe("staff");
    expect(byStaff?.proof.openedAt).toBeNull();
    // The party's first opening: recorded with the hash of the bytes delivered.
    const first = await openServedDocument(db.sql, id, { type: "citizen", citizenId: ids.owner! }, new Date("2026-12-01T03:00:00Z"));
    expect(first?.viewer).toBe("party");
    expect(first?.proof.openedAt?.toISOString()).toBe("2026-12-01T03:00:00.000Z");
    expect(first?.proof.openedSha256).toBe(sha256Hex(first!.bytes));
    expect(first?.proof.openedSha256).toBe(served.sha256);
    // A later opening (by the lookup pair) changes nothing.
    const later = await openServedDocument(db.sql, id, { type: "lookup", reference, accessCode: CODE }, new Date("2026-12-02T03:00:00Z"));
    expect(later?.proof.openedAt?.toISOString()).toBe("2026-12-01T03:00:00.000Z");
    // Both sides see the proof.
    const proof = await serviceProof(db.sql, id, officer());
    expect(proof).toMatchObject({ openedSha256: served.sha256, sha256: served.sha256 });
    expect((await servicesOfCase(db.sql, caseId))[0]!.openedAt?.toISOString()).toBe("2026-12-01T03:00:00.000Z");
  });

  it("the proof is immutable: the database refuses to change the opening or what was served", async () => {
    const { caseId, seq } = await decidedCase();
    await giveConsent(db.sql, { ...party(caseId), email: "owner@example.vn" });
    const served = await serveDocument(db.sql, { caseId, seq, actor: officer() });
    if (!served.ok) throw new Error(served.reason);
    await expect(db.sql`update document_services set sha256 = ${"0".repeat(64)} where id = ${served.serviceId}`).rejects.toThrow(/cannot be changed/);
    await openServedDocument(db.sql, served.serviceId, { type: "citizen", citizenId: ids.owner! });
    await expect(db.sql`update document_services set opened_at = now() + interval '1 day' where id = ${served.serviceId}`).rejects.toThrow(/cannot be changed/);
    await expect(db.sql`update document_services set opened_sha256 = ${"0".repeat(64)} where id = ${served.serviceId}`).rejects.toThrow(/cannot be changed/);
    await expect(db.sql`delete from document_services where id = ${served.serviceId}`).rejects.toThrow(/never deleted/);
    // Marking a bounce afterwards is still allowed (it touches neither).
    expect(await markNoticeBounced(db.sql, served.serviceId)).toBe(true);
  });
});

describe("serve: true on a case event", () => {
  it("the engine queues service_auto; served when the party consented, left for paper otherwise", async () => {
    const a = await decidedCase();
    const [job] = await db.sql`select 1 from job_outbox where task = 'service_auto' and payload->>'eventId' = ${String(a.eventId)}`;
    expect(job).toBeTruthy();
    expect(await serveEventDocument(db.sql, { caseId: a.caseId, eventId: a.eventId })).toEqual({ ok: false, reason: "paper" });
    const b = await decidedCase();
    await giveConsent(db.sql, { ...party(b.caseId), email: "owner@example.vn" });
    const served = await serveEventDocument(db.sql, { caseId: b.caseId, eventId: b.eventId });
    expect(served.ok).toBe(true);
    const [row] = await db.sql<{ served_by: string | null }[]>`select served_by from document_services where case_id = ${b.caseId}`;
    expect(row!.served_by).toBeNull();
  });
});
