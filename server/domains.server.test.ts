import { describe, expect, it } from "vitest";
import { CASE_TYPES } from "./cases";
import "./tasks.server";

describe("the job worker's composition root", () => {
  it("registers every case type, so its jobs (documents, e-mails, service) never meet an unknown one", () => {
    expect(CASE_TYPES.map((t) => t.id).sort()).toEqual(["complaint", "confirmation", "denunciation", "enforcement-request", "feedback", "officer-change"]);
  });
});
