import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { DecideRefundSchema } from "./schemas";
import { tooLong } from "../validation";

const form = (o: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(o)) f.set(k, v);
  return parseWithZod(f, { schema: DecideRefundSchema });
};
const errors = (o: Record<string, string>) => {
  const s = form(o);
  return s.status === "error" ? s.error : null;
};

describe("the head's refund decision form", () => {
  it("an approval needs no note; a rejection needs a reason the payer is told", () => {
    expect(form({ decision: "approve" })).toMatchObject({ status: "success", value: { decision: "approve" } });
    expect(form({ decision: "reject", note: "Hồ sơ chưa đủ căn cứ" })).toMatchObject({ status: "success" });
    expect(errors({ decision: "reject" })).toEqual({ note: ["receipts.refunds.errors.noteRequired"] });
    expect(errors({})).toEqual({ decision: ["receipts.refunds.errors.decisionRequired"] });
    // The limit is stated, with the field's name (server/validation/text.ts).
    expect(errors({ decision: "approve", note: "x".repeat(501) })).toEqual({ note: [tooLong("receipts.refunds.note", 500)] });
  });
});
