import { describe, expect, it } from "vitest";
import { actionShowsErrors } from "./page-errors";

describe("actionShowsErrors (the title's Lỗi:/Error: prefix)", () => {
  it("is true for each kind of answer a form action gives with errors", () => {
    expect(actionShowsErrors({ result: { status: "error", error: { email: ["account.errors.emailInvalid"] }, initialValue: {} } })).toBe(true);
    expect(actionShowsErrors({ result: { status: "error", error: { "": ["payments.errors.paid"] } } })).toBe(true);
    expect(actionShowsErrors({ ok: false, problems: [{ code: "wrongType", name: "x.pdf" }], accepted: 0 })).toBe(true);
    expect(actionShowsErrors({ result: null, error: { key: "account.errors.wrongCode", status: 400 } })).toBe(true);
    expect(actionShowsErrors({ sent: null, result: { status: "error", error: { "": ["filing.save.rateLimited"] } }, retryAfter: 60 })).toBe(true);
  });
  it("is false for answers that show no error", () => {
    expect(actionShowsErrors(undefined)).toBe(false);
    expect(actionShowsErrors(null)).toBe(false);
    expect(actionShowsErrors({ sent: { email: "a@b.vn" }, result: undefined, retryAfter: 0 })).toBe(false);
    expect(actionShowsErrors({ ok: false, problems: [], accepted: 1, removed: false, duplicates: [] })).toBe(false);
    expect(actionShowsErrors({ result: { status: "error", error: { email: null } } })).toBe(false);
    expect(actionShowsErrors({ result: { status: "success" }, error: null })).toBe(false);
  });
});
