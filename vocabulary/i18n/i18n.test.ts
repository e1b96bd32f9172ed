import { describe, expect, it } from "vitest";
import vi from "./vi";
import enTranslation from "./en";
import { FALLBACK, FALLBACK_UNAVAILABLE, REFERENCE_LABEL } from "./fallback";
import { createI18n, detectLocale, formatWait } from "./config";
import type { Resource } from "./vi";

// English as i18next reads it (its plural leaves are key_one/key_other: see Translation).
const en = enTranslation as unknown as Resource;

/** A key without its i18next plural suffix (`left_one` → `left`). */
const base = (key: string) => key.replace(/_(one|other)$/, "");

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keys(v as object, `${prefix}${k}.`)));
}

function leaves(obj: object): [string, string][] {
  return keys(obj).map((k) => [k, k.split(".").reduce((o: any, p) => o[p], obj) as string]);
}

describe("translations", () => {
  it("have the same keys in Vietnamese and English (an English plural as key_one and key_other)", () => {
    const unique = (ks: string[]) => [...new Set(ks.map(base))].sort();
    expect(unique(keys(en))).toEqual(unique(keys(vi)));
    const enKeys = new Set(keys(en));
    for (const k of keys(en).filter((k) => k !== base(k))) {
      expect(enKeys.has(`${base(k)}_one`) && enKeys.has(`${base(k)}_other`), k).toBe(true);
      expect(enKeys.has(base(k)), k).toBe(false);
    }
  });

  it("have no empty strings and the same {{placeholders}} in both languages", () => {
    const viMap = new Map(leaves(vi).map(([k, v]) => [base(k), v]));
    const placeholders = (s: string) => [...s.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const [key, text] of leaves(vi)) expect(text.trim(), key).not.toBe("");
    for (const [key, text] of leaves(en)) {
      expect(text.trim(), key).not.toBe("");
      expect(placeholders(text), key).toEqual(placeholders(viMap.get(base(key))!));
    }
  });

  it("say counted strings in the singular for 1 in English and with one key in Vietnamese", () => {
    const tEn = createI18n("en", en).t;
    const tVi = createI18n("vi", vi).t;
    expect(tEn("cases.clock.left", { count: 1 })).toBe("1 working day left");
    expect(tEn("cases.clock.left", { count: 3 })).toBe("3 working days left");
    expect(tEn("inbox.shown", { count: 1 })).toBe("Showing 1 case.");
    expect(tEn("deadlines.clock.overdue", { count: 0 })).toBe("0 working days overdue");
    expect(tVi("cases.clock.left", { count: 1 })).toBe("còn 1 ngày làm việc");
    expect(tVi("cases.clock.left", { count: 4 })).toBe("còn 4 ngày làm việc");
  });

  it("keep the browser's built-in fallback equal to the resources", () => {
    expect(FALLBACK.vi).toEqual({ title: vi.errors.serverTitle, body: vi.errors.serverBody, home: vi.errors.backHome });
    expect(FALLBACK.en).toEqual({ title: en.errors.serverTitle, body: en.errors.serverBody, home: en.errors.backHome });
    expect(FALLBACK_UNAVAILABLE.vi).toEqual({ title: vi.errors.unavailableTitle, body: vi.errors.unavailableBody });
    expect(FALLBACK_UNAVAILABLE.en).toEqual({ title: en.errors.unavailableTitle, body: en.errors.unavailableBody });
    expect(vi.errors.reference).toBe(`${REFERENCE_LABEL.vi}: {{id}}`);
    expect(en.errors.reference).toBe(`${REFERENCE_LABEL.en}: {{id}}`);
  });

  it("use Vietnamese diacritics (a smoke check against ASCII-only text)", () => {
    expect(vi.home.title).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/);
  });
});

describe("detectLocale", () => {
  it("prefers the cookie, then Accept-Language by weight, then Vietnamese", () => {
    expect(detectLocale("lang=en; other=1", "vi-VN")).toBe("en");
    expect(detectLocale("lang=fr", "en-US,en;q=0.9")).toBe("en");
    expect(detectLocale(null, "fr-FR, vi;q=0.5, en;q=0.8")).toBe("en");
    expect(detectLocale(null, "fr-FR")).toBe("vi");
    expect(detectLocale(undefined, undefined)).toBe("vi");
  });
});

describe("the wait in 429 messages ({{seconds, wait}})", () => {
  it("is said in seconds, minutes or hours, rounded up, in each language", () => {
    expect([1, 30, 59, 60, 61, 900, 3599, 3600, 86400].map((s) => formatWait(s, "vi"))).toEqual([
      "1 giây", "30 giây", "59 giây", "1 phút", "2 phút", "15 phút", "60 phút", "1 giờ", "24 giờ",
    ]);
    expect([1, 2, 60, 120, 3600, 7200].map((s) => formatWait(s, "en"))).toEqual(["1 second", "2 seconds", "1 minute", "2 minutes", "1 hour", "2 hours"]);
    expect(createI18n("vi", vi).t("staff.rateLimited", { seconds: 900 })).toBe("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 15 phút.");
    expect(createI18n("en", en).t("errors.tooManyBody", { seconds: 86400 })).toBe("Please wait 24 hours and try again.");
  });
});
