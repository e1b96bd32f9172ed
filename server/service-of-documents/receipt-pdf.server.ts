import type { Locale } from "../../vocabulary/i18n/config";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { formatDateTime } from "../../vocabulary/format";
import { createPdf, drawQrCode } from "../pdf";
import { printedCode, type ServiceReceiptContent } from "./receipt.server";

export type ServiceReceiptPdfInput = { receipt: ServiceReceiptContent; kid: string; verifyUrl: string; locale: Locale };

/**
 * The receipt of service on one A4 page (ADR 080), for both sides to print: the national heading, what was
 * served on whom and when, the first opening, both SHA-256, and the QR code of the public verification page.
 * Rendered from the verified claims of the JWS, so the paper says exactly what was signed.
 */
export async function renderServiceReceiptPdf(input: ServiceReceiptPdfInput): Promise<Buffer> {
  const { receipt: r, locale } = input;
  const t = serverT(locale);
  const { doc, done } = createPdf({
    margins: { top: 50, bottom: 50, left: 60, right: 56 },
    info: { Title: `${t("service.receipt.title")} ${r.reference}`, Author: r.office, Subject: r.documentTitle },
    lang: locale,
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.page.margins.top;

  doc.font("bold").fontSize(10).text(r.office.toUpperCase(), left, top, { width: width * 0.45, align: "center" });
  doc.font("bold").fontSize(10).text(t("workflow.pdf.nation"), left + width * 0.45, top, { width: width * 0.55, align: "center" });
  doc.font("bold").fontSize(10).text(t("workflow.pdf.motto"), left + width * 0.45, undefined, { width: width * 0.55, align: "center", underline: true });
  doc.y = Math.max(doc.y, top + 48);
  doc.font("body").fontSize(9.5).text(`${t("service.receipt.code")}: ${printedCode(r.code)}`, left, doc.y + 8, { width, align: "right" });
  doc.moveDown(1.2);
  doc.font("bold").fontSize(16).text(t("service.receipt.title"), left, undefined, { width, align: "center" });
  doc.font("body").fontSize(10).text(t("service.receipt.subtitle"), { width, align: "center" });
  doc.moveDown(1);

  const line = (label: string, value: string, opts: { bold?: boolean; mono?: boolean } = {}) => {
    doc.font("body").fontSize(11).text(`${label}: `, left, undefined, { continued: !opts.mono, width });
    doc.font(opts.bold ? "bold" : "body").fontSize(opts.mono ? 9.5 : 11).text(value, opts.mono ? left + 14 : undefined, undefined, { width: opts.mono ? width - 14 : width });
    doc.moveDown(0.3);
  };
  line(t("service.receipt.office"), r.office);
  line(t("service.receipt.party"), r.party, { bold: true });
  line(t("service.receipt.reference"), r.reference);
  line(t("service.receipt.document"), r.documentTitle, { bold: true });
  const method = r.method === "paper" && r.paperMethod
    ? `${t("service.receipt.methods.paper")} (${t(`service.staff.paperMethods.${r.paperMethod}` as "service.staff.paperMethods.direct")})`
    : t(`service.receipt.methods.${r.method}`);
  line(t("service.receipt.method"), method);
  line(t("service.receipt.servedAt"), formatDateTime(r.servedAt, locale));
  if (r.openedAt) line(t("service.receipt.openedAt"), formatDateTime(r.openedAt, locale), { bold: true });
  line(t("service.receipt.sha256"), r.sha256, { mono: true });
  if (r.openedSha256) line(t("service.receipt.openedSha256"), r.openedSha256, { mono: true });

  const blockTop = Math.max(doc.y + 24, 470);
  const qrSize = 110;
  drawQrCode(doc, input.verifyUrl, left, blockTop, qrSize);
  const textLeft = left + qrSize + 14;
  const textWidth = width * 0.55 - qrSize - 14;
  doc.font("bold").fontSize(10).text(t("service.receipt.verifyHeading"), textLeft, blockTop, { width: textWidth });
  doc.font("body").fontSize(8.5).text(t("service.receipt.verifyText"), textLeft, undefined, { width: textWidth });
  doc.font("body").fontSize(8).fillColor("#003d7a").text(input.verifyUrl, textLeft, undefined, { width: textWidth, link: input.verifyUrl });
  doc.fillColor("#000");
  const signLeft = left + width * 0.58;
  doc.font("bold").fontSize(11).text(t("service.receipt.signedBy"), signLeft, blockTop, { width: width * 0.42, align: "center" });
  doc.font("body").fontSize(9).text(t("service.receipt.signedNote", { kid: input.kid }), signLeft, undefined, { width: width * 0.42, align: "center" });
  doc.font("body").fontSize(8.5).fillColor("#444").text(t("service.receipt.printNote"), left, blockTop + qrSize + 24, { width, align: "center" });
  doc.fillColor("#000");
  doc.end();
  return done;
}
