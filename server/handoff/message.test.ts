import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { caseMessageJsonSchema, CaseMessageSchema, messageIdOf, messageTypeOf } from "./message";
import { SCHEMA_FILE, schemaText } from "../../scripts/handoff-schema";

describe("the hand-off message schema", () => {
  it("docs/handoff/case-message.schema.json is the one generated from the Zod schema (npx tsx scripts/handoff-schema.ts)", () => {
    expect(fs.readFileSync(SCHEMA_FILE, "utf8")).toBe(schemaText());
  });

  it("documents the message's required parts", () => {
    const s = caseMessageJsonSchema() as { required: string[]; additionalProperties: boolean };
    expect(s.required).toEqual(expect.arrayContaining(["id", "type", "caseId", "sequence", "occurredAt", "office", "reference", "caseNumber", "state", "fields", "submission"]));
    expect(s.additionalProperties).toBe(false);
  });

  it("names message types and ids", () => {
    expect(messageTypeOf("accept")).toBe("case.accepted");
    expect(messageTypeOf("assignOfficer")).toBe("case.officer-assigned");
    expect(messageTypeOf("moneyCollected")).toBe("case.money-collected");
    expect(messageIdOf("7d0f0c0e-1111-4222-8333-944444444444", 3)).toBe("msg_7d0f0c0e-1111-4222-8333-944444444444_3");
  });

  it("refuses a message with an unknown field or a bad sequence", () => {
    const ok = {
      version: "1", id: "msg_7d0f0c0e-1111-4222-8333-944444444444_2", type: "case.refused", caseId: "7d0f0c0e-1111-4222-8333-944444444444",
      caseType: "enforcement-request", sequence: 2, event: "refuse", occurredAt: "2026-07-02T03:00:00.000Z", office: { code: "HNI-KV01", name: "Phòng THADS" },
      reference: "YC-2026-000001", caseNumber: null, previousState: "received", state: "refused", fields: { ground: "not-competent", note: "Sai thẩm quyền" }, submission: null,
    };
    expect(CaseMessageSchema.safeParse(ok).success).toBe(true);
    expect(CaseMessageSchema.safeParse({ ...ok, secret: 1 }).success).toBe(false);
    expect(CaseMessageSchema.safeParse({ ...ok, sequence: 0 }).success).toBe(false);
    expect(CaseMessageSchema.safeParse({ ...ok, fields: { internal: "x" } }).success).toBe(false);
  });
});
