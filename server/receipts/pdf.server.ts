import type { Locale } from "../../vocabulary/i18n/config";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { formatDate, formatDateTime, formatMoney } from "../../vocabulary/format";
import type { ReceiptContent } from "./receipts.server";
import { payerLabelKeys } from "./types";
import { qrModules } from "./qr.server";
import { createPdf } from "../pdf";


export type ReceiptPdfInput = {
  content: ReceiptContent;
  verifyUrl: string;
  kid: string | null;
  status: "valid" | "cancelled";
  cancelledAt: Date | null;
  replacedByNumber: string | null;
  locale: Locale;
};

/** The receipt on one A4 page: heading, series and number, the facts, amount in words, QR to verification. */
export async function renderReceiptPdf(input: ReceiptPdfInput): Promise<Buffer> {
  const { content: c, locale } = input;
  const t = serverT(locale);
  const { doc, done } = createPdf({
    margins: { top: 50, bottom: 50, left: 60, right: 56 },
    info: { Title: `${t("receipts.doc.title")} ${c.symbol} ${c.number}`, Author: c.office.name, Subject: c.reason.text },
    lang: locale,
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const top = doc.page.margins.top;

  // Office (left) and national heading (right), then the form, series and number.
  doc.font("bold").fontSize(10).text(c.office.name.toUpperCase(), left, top, { width: width * 0.45, align: "center" });
  if (c.office.address) doc.font("body").fontSize(8.5).text(c.office.address, left, undefined, { width: width * 0.45, align: "center" });
  doc.font("bold").fontSize(10).text(t("receipts.doc.nation"), left + width * 0.45, top, { width: width * 0.55, align: "center" });
  doc.font("bold").fontSize(10).text(t("receipts.doc.motto"), left + width * 0.45, undefined, { width: width * 0.55, align: "center", underline: true });
  doc.y = Math.max(doc.y, top + 48);
  doc.font("body").fontSize(9.5);
  const meta = `${t("receipts.doc.formNumber")}: ${c.formNumber}    ${t("receipts.doc.symbol")}: ${c.symbol}    ${t("receipts.doc.number")}: ${c.number}`;
  doc.text(meta, left, doc.y + 8, { width, align: "right" });
  doc.moveDown(1.2);
  doc.font("bold").fontSize(16).text(t("receipts.doc.title"), left, undefined, { width, align: "center" });
  doc.font("body").fontSize(10).text(t("receipts.doc.subtitle"), { width, align: "center" });
  doc.moveDown(1);

  const line = (label: string, value: string, bold = false) => {
    doc.font("body").fontSize(11).text(`${label}: `, left, undefined, { continued: true, width });
    doc.font(bold ? "bold" : "body").text(value, { width });
    doc.moveDown(0.25);
  };
  const labels = payerLabelKeys(c.payer);
  line(t(labels.name), c.payer.name, true);
  line(t(labels.id), c.payer.idNumber);
  line(t("receipts.doc.payerAddress"), c.payer.address);
  line(t("receipts.doc.reason"), c.reason.text);
  line(t("receipts.doc.court"), c.reason.court);
  if (c.reason.courtDocumentNumber) line(t("receipts.doc.courtDocument"), c.reason.courtDocumentNumber);
  line(t("receipts.doc.caseReference"), c.reason.caseReference);
  line(t("receipts.doc.amount"), formatMoney(c.amount, locale), true);
  line(t("receipts.doc.amountInWords"), c.amountInWords);
  line(t("receipts.doc.method"), t("receipts.doc.methodValue", { transactionNo: c.method.transactionNo ?? "—", txnRef: c.method.txnRef }));
  line(t("receipts.doc.paidAt"), formatDateTime(c.paidAt, locale));
  line(t("receipts.doc.issuedAt"), formatDate(c.issuedAt, locale));
  if (c.replaces) {
    doc.moveDown(0.3).font("body").fontSize(10).text(t("receipts.doc.replaces", { symbol: c.replaces.symbol, number: c.replaces.number }), left, undefined, { width });
  }

  // QR code (vector) with the verification address, and the office's electronic signature block.
  const blockTop = Math.max(doc.y + 24, 520);
  const qr = qrModules(input.verifyUrl);
  const qrSize = 110;
  const cell = qrSize / qr.size;
  for (let y = 0; y < qr.size; y++) for (let x = 0; x < qr.size; x++) if (qr.dark(x, y)) doc.rect(left + x * cell, blockTop + y * cell, cell, cell);
  doc.fillColor("#000").fill();
  const textLeft = left + qrSize + 14;
  const textWidth = width * 0.55 - qrSize - 14;
  doc.font("bold").fontSize(10).text(t("receipts.doc.verifyHeading"), textLeft, blockTop, { width: textWidth });
  doc.font("body").fontSize(8.5).text(t("receipts.doc.verifyText"), textLeft, undefined, { width: textWidth });
  doc.font("body").fontSize(8).fillColor("#003d7a").text(input.verifyUrl, textLeft, undefined, { width: textWidth, link: input.verifyUrl });
  doc.fillColor("#000");
  const signLeft = left + width * 0.58;
  doc.font("bold").fontSize(11).text(t("receipts.doc.signedBy"), signLeft, blockTop, { width: width * 0.42, align: "center" });
  doc.font("body").fontSize(9).text(input.kid ? t("receipts.doc.signedNote", { kid: input.kid }) : t("receipts.doc.unsigned"), signLeft, undefined, { width: width * 0.42, align: "center" });
  doc.moveDown(0.5).font("bold").fontSize(10).text(c.office.name, signLeft, undefined, { width: width * 0.42, align: "center" });

  doc.font("body").fontSize(8.5).fillColor("#444").text(t("receipts.doc.printNote"), left, blockTop + qrSize + 24, { width, align: "center" });
  doc.fillColor("#000");

  if (input.status === "cancelled") {
    const date = input.cancelledAt ? formatDate(input.cancelledAt, locale) : "";
    doc.save().rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc.font("bold").fontSize(80).fillColor("#b10e1e").opacity(0.25).text(t("receipts.doc.cancelledStamp"), 0, doc.page.height / 2 - 50, { width: doc.page.width, align: "center" });
    doc.restore();
    doc.opacity(1).fillColor("#b10e1e").font("bold").fontSize(10);
    const banner = input.replacedByNumber ? t("receipts.doc.replacedBanner", { date, number: input.replacedByNumber }) : t("receipts.doc.cancelledBanner", { date });
    doc.text(banner, left, doc.page.height - doc.page.margins.bottom - 30, { width, align: "center" });
    doc.fillColor("#000");
  }
  doc.end();
  return done;
}
