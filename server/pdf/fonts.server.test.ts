import { describe, expect, it } from "vitest";
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
