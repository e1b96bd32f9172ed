import fs from "node:fs";
import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

const require = createRequire(import.meta.url);

/**
 * Noto Sans (regular and bold) from an npm package, embedded in every PDF (receipts, filings) so that
 * Vietnamese diacritics render the same on every machine: no system font is needed.
 */
export const PDF_FONT_FILES = {
  regular: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
};

/** The names our layouts use with `doc.font(name)`. */
export type PdfFontName = "body" | "bold";

// pdfkit's own bookkeeping (FontsMixin): the fonts of a document by name, and its font counter.
type EmbeddedFontCtor = new (doc: PDFKit.PDFDocument, font: unknown, id: string) => unknown;
type PdfkitFonts = { _fontFamilies?: Record<string, unknown>; _fontCount?: number; _font?: { font: unknown; constructor: EmbeddedFontCtor } };

let files: Record<PdfFontName, Buffer> | null = null;
let parsed: { ctor: EmbeddedFontCtor; fonts: Record<PdfFontName, unknown> } | null | undefined;

function fontFiles(): Record<PdfFontName, Buffer> {
  return (files ??= { body: fs.readFileSync(PDF_FONT_FILES.regular), bold: fs.readFileSync(PDF_FONT_FILES.bold) });
}

/** True when documents share the fonts parsed once (false would mean pdfkit changed: see usePdfFonts). */
export const pdfFontsShared = () => parsedFonts() !== null;

/** Parses both fonts once, through pdfkit itself; null when pdfkit's internals are not what we expect. */
function parsedFonts() {
  if (parsed !== undefined) return parsed;
  const probe = new PDFDocument({ autoFirstPage: false }) as unknown as PDFKit.PDFDocument & PdfkitFonts;
  const fonts = {} as Record<PdfFontName, unknown>;
  let ctor: EmbeddedFontCtor | null = null;
  for (const name of ["body", "bold"] as const) {
    probe.font(fontFiles()[name]);
    ctor = probe._font?.constructor ?? null;
    fonts[name] = probe._font?.font;
  }
  const ok = ctor && fonts.body && fonts.bold && typeof probe._fontCount === "number" && typeof probe._fontFamilies === "object";
  return (parsed = ok ? { ctor: ctor!, fonts } : null);
}

/**
 * One document's view of a parsed font: the decoded tables (the expensive part) are the shared font's,
 * but the glyph cache and the layout engine are the document's own. fontkit keeps each glyph with the
 * characters it was first made for, and pdfkit writes the text map (ToUnicode) from them, so a glyph
 * cache carried over from another document would leave characters of this one unmapped (a test shows it).
 */
function documentView(font: unknown): unknown {
  return withTextLayer(Object.assign(Object.create(font as object) as object, { _glyphs: {} }));
}

type FontkitLayout = (text: string, features?: string[] | Record<string, boolean>, ...rest: unknown[]) => unknown;

/**
 * Keeps the PDF's text layer (ToUnicode) true to the text for every Vietnamese letter. Noto Sans's
 * glyph-composition feature (OpenType "ccmp") breaks a precomposed letter with a dot below into its base
 * letter and a combining dot ("ọ" → "o" + U+0323 glyph). A PDF maps each glyph to one text, and pdfkit takes
 * the one the glyph first came with: the dot glyph came with none, so "Họ" copied as "Ho" and "Địa" as "Đia"
 * (and a plain "o" later in the document could read as "ọ"). The font has a precomposed glyph for each of
 * them, so layout runs without "ccmp", on text in composed form (NFC: a letter typed with combining marks
 * is drawn with the same single glyph), and each glyph has exactly one letter. Every PDF goes through here
 * (createPdf), in both fonts. A test reads the text back with a PDF reader.
 */
function withTextLayer<T extends object>(font: T): T {
  const layout = (font as { layout?: FontkitLayout }).layout;
  if (typeof layout !== "function") return font;
  return Object.assign(font, {
    layout(this: unknown, text: string, features?: string[] | Record<string, boolean>, ...rest: unknown[]) {
      const chosen = Array.isArray(features) ? Object.fromEntries(features.map((f) => [f, true])) : { ...features };
      return layout.call(this, text.normalize("NFC"), { ...chosen, ccmp: false }, ...rest);
    },
  });
}

/**
 * Makes "body" and "bold" available to `doc.font(...)`. pdfkit parses a font file again for every
 * document (fontkit), about 70 ms of CPU per receipt: most of its cost. The parse is done once per process
 * and each document gets its own view of it (own glyphs, layout and subset) inside its own embedded-font
 * object, so that its bytes are the ones a fresh parse gives. Should a pdfkit upgrade
 * change the internals used here, every document simply parses the files again (the slow, public way).
 */
export function usePdfFonts(doc: PDFKit.PDFDocument, { share = true }: { share?: boolean } = {}): void {
  const shared = share ? parsedFonts() : null;
  const internals = doc as unknown as PdfkitFonts;
  if (!shared || !internals._fontFamilies || typeof internals._fontCount !== "number") {
    doc.registerFont("body", fontFiles().body);
    doc.registerFont("bold", fontFiles().bold);
    // The slow path loads each font on first use; load them now so that their layout keeps the text layer.
    for (const name of ["body", "bold"] as const) {
      const loaded = (doc.font(name) as unknown as PdfkitFonts)._font as { font?: object } | undefined;
      if (loaded?.font) withTextLayer(loaded.font);
    }
    return;
  }
  for (const name of ["body", "bold"] as const) {
    internals._fontFamilies[name] = new shared.ctor(doc, documentView(shared.fonts[name]), `F${++internals._fontCount}`);
  }
}

/**
 * A new A4, tagged PDF/1.7 document with our fonts ready ("body" selected) and its bytes collected: call
 * `doc.end()` and await `done`. pdfkit's default Helvetica is not loaded (its metrics are parsed per
 * document and we never use it).
 */
export function createPdf(
  options: { margins: PDFKit.PDFDocumentOptions["margins"]; info: PDFKit.PDFDocumentOptions["info"]; lang: string },
  fonts: { share?: boolean } = {},
) {
  const doc = new PDFDocument({
    size: "A4",
    pdfVersion: "1.7",
    tagged: true,
    displayTitle: true,
    font: null,
    ...options,
  } as unknown as PDFKit.PDFDocumentOptions);
  usePdfFonts(doc, fonts);
  doc.font("body");
  const chunks: Buffer[] = [];
  doc.on("data", (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, done };
}
