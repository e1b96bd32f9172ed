import { describe, expect, it } from "vitest";
import { pdfText } from "../../test/pdf-text";
import { createPdf, pdfFontsShared } from "./fonts.server";

/** A small document in both fonts; its bytes without the parts that change per run (dates, file ID). */
async function render(text: string, share: boolean): Promise<string> {
  const { doc, done } = createPdf(
    { margins: { top: 50, bottom: 50, left: 60, right: 56 }, info: { Title: "Thử", CreationDate: new Date("2026-01-01T00:00:00Z") }, lang: "vi" },
    { share },
  );
  doc.font("bold").fontSize(14).text(text.toUpperCase());
  doc.font("body").fontSize(11).text(text);
  doc.end();
  return (await done).toString("latin1").replace(/\/ID \[.*\]/g, "");
}

describe("PDF fonts parsed once per process", () => {
  it("are shared (pdfkit's internals are still the ones the fast path needs)", () => {
    expect(pdfFontsShared()).toBe(true);
  });

  it("give byte-for-byte the document that parsing the font files for it gives, one document after another", async () => {
    const a = "Cộng hòa xã hội chủ nghĩa Việt Nam – Độc lập, Tự do, Hạnh phúc";
    const b = "Biên lai thu tiền tạm ứng án phí: một triệu hai trăm năm mươi nghìn đồng";
    const sharedA = await render(a, true);
    const sharedB = await render(b, true); // after A: B's subset must not carry A's glyphs
    expect(sharedA).toContain("NotoSans");
    expect(sharedA).toBe(await render(a, false));
    expect(sharedB).toBe(await render(b, false));
    expect(sharedA).not.toBe(sharedB);
  });
});

/** Every letter of Vietnamese, lower and upper case: the twelve vowels with each of the six tones, and đ. */
const VOWELS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"];
const TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
const LETTERS = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize("NFC"))), "đ"];
const ALL = [...LETTERS, ...LETTERS.map((l) => l.toUpperCase())];

async function textLayer(lines: string[], share: boolean): Promise<string[]> {
  const { doc, done } = createPdf({ margins: { top: 40, bottom: 40, left: 40, right: 40 }, info: { Title: "Thử" }, lang: "vi" }, { share });
  lines.forEach((l, i) => doc.font(i % 2 ? "bold" : "body").fontSize(10).text(l));
  doc.end();
  return (await pdfText(await done)).split("\n").map((l) => l.trim()).filter(Boolean);
}
/** Without white space: the reader's line breaks and word gaps are its own guesses, the letters are not. */
const letters = (lines: string[]) => lines.join("").replace(/\s+/g, "");

describe("the PDF text layer (copy, search, screen readers)", () => {
  it("has 146 letters to check", () => {
    expect(new Set(ALL).size).toBe(146);
    expect(ALL.every((l) => l.length === 1)).toBe(true);
  });

  for (const share of [true, false]) {
    it(`gives back every Vietnamese letter and the words of the issue, in both fonts (${share ? "shared" : "fresh"} fonts)`, async () => {
      // Each letter alone and next to its base letter, in both orders: a glyph shared by two letters
      // would give one of them the other's text.
      const words = ["Họ và tên", "Địa chỉ", "Nguyễn Thị Hồng Ngọc", "Đặng Độc Lực Kỹ", "Ho Dia ho dia"];
      const lines = [...words, ...words, ALL.join(" "), ALL.map((l) => l + l.normalize("NFD")[0]).join(" "), [...ALL].reverse().join(" ")];
      const got = await textLayer(lines, share);
      expect(got.slice(0, 10)).toEqual(lines.slice(0, 10));
      for (const w of ["Họ", "Địa", "Nguyễn", "ặ", "ộ", "ự", "ỹ"]) expect(got.join(" ")).toContain(w);
      expect(letters(got)).toBe(letters(lines));
    });
  }

  it("draws a letter typed with combining marks (NFD) as the same single letter", async () => {
    const got = await textLayer(["Họ Địa Nguyễn".normalize("NFD"), "x"], true);
    expect(got[0]).toBe("Họ Địa Nguyễn");
  });
});
