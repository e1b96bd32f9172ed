import { describe, expect, it } from "vitest";
import { dictionaryFor } from "./sections";
import { dictionary } from "./resources.server";

describe("dictionaryFor", () => {
  it("gives the home page and coming-soon pages the core dictionary, every other page the full one", () => {
    expect(dictionaryFor("/")).toBe("core");
    expect(dictionaryFor("/dich-vu/khieu-nai-to-cao")).toBe("core");
    expect(dictionaryFor("/dich-vu/nop-tien")).toBe("all"); // a service that is live
    expect(dictionaryFor("/dich-vu/yeu-cau-thi-hanh-an")).toBe("all");
    expect(dictionaryFor("/staff")).toBe("all");
    expect(dictionaryFor("/khong-co")).toBe("all");
  });

  it("leaves the large areas out of the core dictionary and keeps everything the shell uses", () => {
    const core = dictionary("vi", "core") as Record<string, unknown>;
    expect(core.filing).toBeUndefined();
    expect(core.payments).toBeUndefined();
    expect(core.receipts).toBeUndefined();
    for (const key of ["meta", "layout", "lang", "home", "services", "comingSoon", "errors", "account"]) expect(core[key], key).toBeDefined();
    expect(JSON.stringify(core).length).toBeLessThan(JSON.stringify(dictionary("vi", "all")).length / 2);
  });
});
