import { describe, expect, it } from "vitest";
import { CONTENT_TYPES, detectContentType } from "./attachments.server";

// A file's type comes from its whole signature, never from its first byte or its name: each near-miss
// below differs from a real signature in one place and must be refused.
const bytes = (...b: number[]) => Buffer.from(b);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04);
const DOCX_DIRECTORY = Buffer.from("PK\x01\x02....[Content_Types].xml....PK\x01\x02....word/document.xml....PK\x05\x06", "latin1");
const withBody = (head: Buffer) => Buffer.concat([head, Buffer.from(" rest of the file ".repeat(4))]);

describe("detectContentType: strict file signatures", () => {
  it.each([
    ["PDF", Buffer.from("%PDF-1.7\n%âãÏÓ\n", "latin1"), CONTENT_TYPES.pdf],
    ["PDF 2.0", Buffer.from("%PDF-2.0\n"), CONTENT_TYPES.pdf],
    ["JPEG (JFIF)", bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46), CONTENT_TYPES.jpeg],
    ["JPEG (Exif)", bytes(0xff, 0xd8, 0xff, 0xe1), CONTENT_TYPES.jpeg],
    ["PNG", withBody(PNG), CONTENT_TYPES.png],
  ])("recognises a real %s", (_name, head, type) => {
    expect(detectContentType(withBody(head), Buffer.alloc(0))).toBe(type);
  });

  it("recognises a DOCX: a ZIP whose central directory lists word/document.xml and [Content_Types].xml", () => {
    expect(detectContentType(withBody(ZIP), DOCX_DIRECTORY)).toBe(CONTENT_TYPES.docx);
  });

  const png = (i: number, v: number) => {
    const b = Buffer.from(PNG);
    b[i] = v;
    return withBody(b);
  };
  it.each([
    ["%PDX", Buffer.from("%PDX-1.7\n")],
    ["%PD only", Buffer.from("%PD")],
    ["%PDF without the dash", Buffer.from("%PDF1.7\n")],
    ["%pdf- in lower case", Buffer.from("%pdf-1.7\n")],
    ["%PDF- not at the start", Buffer.from(" %PDF-1.7\n")],
    ["a lone %", Buffer.from("%")],
    ["the first byte of a PDF then text", Buffer.from("%!PS-Adobe-3.0\n")],
    ["PNG with a wrong 8th byte", png(7, 0x0b)],
    ["PNG with a wrong 2nd byte", png(1, 0x51)],
    ["PNG with a wrong 5th byte", png(4, 0x0a)],
    ["PNG with a wrong 7th byte", png(6, 0x1b)],
    ["PNG cut after 7 bytes", PNG.subarray(0, 7)],
    ["JPEG with only FF D8", bytes(0xff, 0xd8)],
    ["JPEG FF D8 then something else", withBody(bytes(0xff, 0xd8, 0x00, 0xe0))],
    ["JPEG FF D9 FF", withBody(bytes(0xff, 0xd9, 0xff, 0xe0))],
    ["JPEG FE D8 FF", withBody(bytes(0xfe, 0xd8, 0xff, 0xe0))],
    ["a lone FF", bytes(0xff)],
    ["nothing", Buffer.alloc(0)],
    ["a GIF", Buffer.from("GIF89a")],
    ["an HTML page", Buffer.from("<!doctype html><script>")],
  ])("refuses %s", (_name, head) => {
    expect(detectContentType(head, Buffer.alloc(0))).toBeNull();
  });

  it.each([
    ["a ZIP that is not a Word document", withBody(ZIP), Buffer.from("PK\x01\x02....xl/workbook.xml....[Content_Types].xml", "latin1")],
    ["a ZIP without [Content_Types].xml", withBody(ZIP), Buffer.from("PK\x01\x02....word/document.xml....", "latin1")],
    ["PK\\x03\\x05 (not a local file header)", withBody(bytes(0x50, 0x4b, 0x03, 0x05)), DOCX_DIRECTORY],
    ["PK\\x05\\x06 (an empty archive)", withBody(bytes(0x50, 0x4b, 0x05, 0x06)), DOCX_DIRECTORY],
    ["a ZIP signature cut short", bytes(0x50, 0x4b, 0x03), DOCX_DIRECTORY],
  ])("refuses %s", (_name, head, tail) => {
    expect(detectContentType(head, tail)).toBeNull();
  });
});
