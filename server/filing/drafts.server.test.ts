import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { createResumeLink, pruneDrafts, resumeDraft, localFileStore } from "../journeys";
import { claimDraft } from "../accounts";
import { createDraft, findDraft } from "./journey.server";
import { createSession, findSession } from "../accounts";

let db: TestDatabase;
const root = fs.mkdtempSync(path.join(os.tmpdir(), "thads-drafts-"));
const store = localFileStore(root);
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
  fs.rmSync(root, { recursive: true, force: true });
});

/** A draft with one uploaded file, as the attachments step leaves it. */
async function draftWithFile(name: string) {
  const { draft } = await createDraft(db.sql, { locale: "vi" });
  const key = `drafts/${draft.id}/${name}`;
  const written = await store.write(key, Readable.from([Buffer.from("%PDF-1.7 giấy tờ tùy thân")]), { maxBytes: 1_000 });
  if (!written.ok) throw new Error("not written");
  await db.sql`
    insert into filing_attachments (draft_id, storage_key, document_type, original_name, content_type, size_bytes, sha256, scan_status)
    values (${draft.id}, ${key}, 'identity', 'CCCD.pdf', 'application/pdf', ${written.bytes}, ${written.sha256}, 'not_scanned')`;
  return { draftId: draft.id, file: path.join(root, key) };
}

describe("pruning expired drafts", () => {
  it("deletes the expired draft, its attachment rows and its uploaded files; a live draft keeps everything", async () => {
    const expired = await draftWithFile("a1");
    const live = await draftWithFile("b1");
    await db.sql`update filing_drafts set expires_at = now() - interval '1 minute' where id = ${expired.draftId}`;
    expect(fs.existsSync(expired.file)).toBe(true);

    expect(await pruneDrafts(db.sql, store)).toEqual({ drafts: 1, files: 1 });

    expect(fs.existsSync(expired.file)).toBe(false);
    expect(await db.sql`select id from filing_attachments where draft_id = ${expired.draftId}`).toHaveLength(0);
    expect(fs.existsSync(live.file)).toBe(true);
    expect(await db.sql`select id from filing_attachments where draft_id = ${live.draftId}`).toHaveLength(1);
    expect(await pruneDrafts(db.sql, store)).toEqual({ drafts: 0, files: 0 });
  });
});

/** Tokens equal to the right one in all their first characters: only the last differs, or one is missing or added. */
function nearMisses(token: string): string[] {
  const last = token.at(-1)!;
  return [`${token.slice(0, -1)}${last === "A" ? "B" : "A"}`, token.slice(0, -1), `${token}A`, token.slice(0, 32)];
}

describe("tokens are compared whole", () => {
  it("a draft cookie that differs from the right one only after its first characters opens nothing", async () => {
    const { token, draft } = await createDraft(db.sql, { locale: "vi" });
    for (const near of nearMisses(token)) expect(await findDraft(db.sql, { token: near })).toBeNull();
    expect((await findDraft(db.sql, { token }))?.id).toBe(draft.id);
  });

  it("a resume link that differs only after its first characters opens nothing and leaves the draft's cookie working", async () => {
    const { token, draft } = await createDraft(db.sql, { locale: "vi" });
    const link = await createResumeLink(db.sql, { draftId: draft.id, email: "an@example.vn" });
    for (const near of nearMisses(link.token)) expect(await resumeDraft(db.sql, { linkToken: near })).toBeNull();
    expect((await findDraft(db.sql, { token }))?.id).toBe(draft.id);
    expect((await resumeDraft(db.sql, { linkToken: link.token }))?.draft.id).toBe(draft.id);
  });

  it("a near-miss draft cookie claims nothing at sign-in", async () => {
    const { token, draft } = await createDraft(db.sql, { locale: "vi" });
    const [citizen] = await db.sql<{ id: string }[]>`insert into citizens (email, locale) values ('claim@example.vn', 'vi') returning id`;
    for (const near of nearMisses(token)) await claimDraft(db.sql, { token: near, citizenId: citizen!.id });
    const [row] = await db.sql<{ citizen_id: string | null }[]>`select citizen_id from filing_drafts where id = ${draft.id}`;
    expect(row!.citizen_id).toBeNull();
    await claimDraft(db.sql, { token, citizenId: citizen!.id });
    const [after] = await db.sql<{ citizen_id: string | null }[]>`select citizen_id from filing_drafts where id = ${draft.id}`;
    expect(after!.citizen_id).toBe(citizen!.id);
  });

  it("a session cookie that differs only after its first characters is no session", async () => {
    const [citizen] = await db.sql<{ id: string }[]>`insert into citizens (email, locale) values ('session@example.vn', 'vi') returning id`;
    const session = await createSession(db.sql, { citizenId: citizen!.id }, { ip: null, userAgent: null });
    for (const near of nearMisses(session.token)) expect(await findSession(db.sql, near)).toBeNull();
    expect((await findSession(db.sql, session.token))?.citizen_id).toBe(citizen!.id);
  });
});
