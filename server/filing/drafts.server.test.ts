import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { createDraft, pruneDrafts } from "./drafts.server";
import { localFileStore } from "./storage.server";

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
