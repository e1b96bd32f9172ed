import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { createDraft, createResumeLink, findDraft, resumeDraft } from "./drafts.server";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.drop();
});

describe("a draft belongs to one journey", () => {
  it("opens with its cookie and its resume link only in its own journey", async () => {
    const { token, draft } = await createDraft(db.sql, { journey: "complaint", locale: "vi" });
    expect(draft.journey).toBe("complaint");
    expect((await findDraft(db.sql, { journey: "complaint", token }))?.id).toBe(draft.id);
    expect(await findDraft(db.sql, { journey: "denunciation", token })).toBeNull();
    const link = await createResumeLink(db.sql, { draftId: draft.id, email: "an@example.vn" });
    expect(await resumeDraft(db.sql, { linkToken: link.token, journey: "denunciation" })).toBeNull();
    // The refused link changed nothing: the cookie still opens the draft, and the link works in its journey.
    expect((await findDraft(db.sql, { journey: "complaint", token }))?.id).toBe(draft.id);
    expect((await resumeDraft(db.sql, { linkToken: link.token, journey: "complaint" }))?.draft.id).toBe(draft.id);
  });

  it("a journey id that is not a plain slug is refused by the table", async () => {
    await expect(createDraft(db.sql, { journey: "Bad Journey!", locale: "vi" })).rejects.toThrow(/filing_drafts_journey_check/);
  });
});
