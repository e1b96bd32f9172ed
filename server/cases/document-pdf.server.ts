import { serverT } from "../../vocabulary/i18n/resources.server";
import { formatDate, formatDateTime } from "../../vocabulary/format";
import { createPdf, drawQrCode } from "../pdf";

/**
 * The decision documents of a case event (ADR 062), laid out like the office's paper: the office's header
 * on the left (parent agency, the office, the number), the national heading and motto on the right with
 * place and date, the title, the body, then the recipients and the signature block. Rendered once in the
 * job `case_document` and kept (stored_documents, kind 'case-document'). Pure layout: every word of the
 * case (names, option labels, dates) arrives already written out.
 */
export const CASE_DOCUMENTS = [
  "acceptance-decision",
  "refusal-notice",
  "information-request",
  "forwarding-letter",
  "assignment-decision",
  "closing-decision",
] as const;
export type CaseDocumentName = (typeof CASE_DOCUMENTS)[number];
export const isCaseDocumentName = (d: string): d is CaseDocumentName => (CASE_DOCUMENTS as readonly string[]).includes(d);

/** The document-number abbreviation the office uses for each kind (QĐ decision, TB notice, CV letter). */
const ABBREVIATION: Record<CaseDocumentName, string> = {
  "acceptance-decision": "QĐ",
  "refusal-notice": "TB",
  "information-request": "TB",
  "forwarding-letter": "CV",
  "assignment-decision": "QĐ",
  "closing-decision": "QĐ",
};

/** The number printed on a document: the decision number typed by the clerk, else `<seq>/<kind>-<office code>`. */
export function documentNumber(document: string, { seq, agencyCode, decisionNumber }: { seq: number; agencyCode: string; decisionNumber?: string | null }) {
  if (decisionNumber && decisionNumber.trim()) return decisionNumber.trim();
  const abbreviation = isCaseDocumentName(document) ? ABBREVIATION[document] : "TB";
  return `${seq}/${abbreviation}-${agencyCode}`;
}

export type CaseDocumentInput = {
  document: string;
  /** The event's title (the case type's words), for a document this file has no layout of. */
  eventTitle: string;
  number: string;
  issuedAt: Date;
  agency: { name: string; parentName: string | null; address: string | null };
  case: { reference: string; caseNumber: string | null; applicantName: string; otherPartyName: string | null; receivedAt: Date };
  /** The event's fields as people read them (option labels, dates dd/mm/yyyy, names), by field name. */
  words: Record<string, string>;
  /** The raw value of a refusal's ground (its words and its article come from this file's strings). */
  ground?: string | null;
  /** Requested document types, already written out (information request). */
  requestedDocuments?: string[];
  officerName?: string | null;
  targetAgencyName?: string | null;
  /** The assignment replaces an earlier one (reassignOfficer). */
  replaces?: boolean;
  /** Who fired the event (printed under the signature). */
  signerName?: string | null;
  /** The signer is the head of the office (else they sign "TL. THỦ TRƯỞNG": by the head's order). */
  signerIsHead?: boolean;
  /** A signed document's public verification page and code (the certificate of ADR 077): printed with its QR code. */
  verify?: { url: string; code: string } | null;
};

/** The place printed before the date: the last part of the office's address ("…, Hà Nội" → "Hà Nội"). */
export function placeOf(address: string | null): string {
  const parts = (address ?? "").split(",").map((p) => p.trim()).filter(Boolean);
  return parts.at(-1) ?? "";
}

export async function renderCaseDocument(input: CaseDocumentInput): Promise<Buffer> {
  const t = serverT("vi");
  const known = isCaseDocumentName(input.document) ? input.document : null;
  // A document of another procedure (ADR 082): its own name as the title when it has one, else "THÔNG BÁO".
  const title = known
    ? t(`workflow.pdf.${section(known)}.title`)
    : String(t(`workflow.documents.names.${input.document}` as never, { defaultValue: t("workflow.pdf.generic.title") } as never)).toLocaleUpperCase("vi");
  const { doc, done } = createPdf({
    margins: { top: 50, bottom: 56, left: 70, right: 56 },
    info: { Title: `${title} ${input.number}`, Author: input.agency.name, Subject: input.case.reference },
    lang: "vi",
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const leftW = width * 0.44;
  const rightX = left + width * 0.46;
  const rightW = width * 0.54;
  const top = doc.y;

  // The office's header (left column).
  doc.font("body").fontSize(10.5);
  if (input.agency.parentName) doc.text(input.agency.parentName.toUpperCase(), left, top, { width: leftW, align: "center" });
  doc.font("bold").fontSize(10.5).text(input.agency.name.toUpperCase(), left, input.agency.parentName ? undefined : top, { width: leftW, align: "center" });
  doc.moveDown(0.3).font("body").fontSize(11).text(t("workflow.pdf.number", { number: input.number }), left, undefined, { width: leftW, align: "center" });
  if (!known || known === "forwarding-letter" || known === "information-request") {
    const subject = known ? t(`workflow.pdf.${section(known)}.subject`) : t("workflow.pdf.generic.subject", { event: input.eventTitle });
    doc.fontSize(9.5).text(t("workflow.pdf.about", { subject }), left, undefined, { width: leftW, align: "center" });
  }
  const leftBottom = doc.y;

  // National heading, motto, place and date (right column).
  doc.font("bold").fontSize(11).text(t("workflow.pdf.nation"), rightX, top, { width: rightW, align: "center" });
  doc.font("bold").fontSize(11.5).text(t("workflow.pdf.motto"), rightX, undefined, { width: rightW, align: "center", underline: true });
  doc.moveDown(0.6);
  const [day, month, year] = formatDateTime(input.issuedAt, "vi").slice(0, 10).split("/");
  doc.font("body").fontSize(11).text(t("workflow.pdf.placeDate", { place: placeOf(input.agency.address), day, month, year }), rightX, undefined, { width: rightW, align: "center" });
  doc.y = Math.max(doc.y, leftBottom) + 24;

  doc.font("bold").fontSize(14).text(title, left, undefined, { width, align: "center" });
  if (known && known !== "forwarding-letter" && known !== "information-request") {
    doc.font("body").fontSize(11).text(t("workflow.pdf.about", { subject: t(`workflow.pdf.${section(known)}.subject`) }), left, undefined, { width, align: "center" });
  }
  doc.moveDown(1);

  const para = (text: string, opts: { bold?: boolean; indent?: number; align?: "left" | "justify" | "center" } = {}) => {
    doc.font(opts.bold ? "bold" : "body").fontSize(12).text(text, left + (opts.indent ?? 0), undefined, { width: width - (opts.indent ?? 0), align: opts.align ?? "justify" });
    doc.moveDown(0.35);
  };
  const c = input.case;
  const received = formatDate(c.receivedAt, "vi");
  const caseNumber = c.caseNumber ?? "";
  const otherParty = c.otherPartyName ?? "";
  const office = input.agency.name;

  const decisionPreamble = (headOf: string) => {
    para(headOf, { bold: true, align: "center" });
    para(t("workflow.pdf.basisLaw"));
    para(t("workflow.pdf.basisRequest", { name: c.applicantName, reference: c.reference, date: received }));
    para(t("workflow.pdf.decides"), { bold: true, align: "center" });
  };
  const headOf = `${t("workflow.pdf.headOf")} ${office.toUpperCase()}`;

  switch (known) {
    case "acceptance-decision":
      decisionPreamble(headOf);
      para(t("workflow.pdf.acceptance.article1", { applicant: c.applicantName, otherParty, caseNumber }));
      para(t("workflow.pdf.acceptance.article2"));
      para(t("workflow.pdf.acceptance.article3"));
      if (input.words.decisionDate) para(t("workflow.pdf.acceptance.decisionDate", { number: input.number, date: input.words.decisionDate }));
      break;
    case "refusal-notice": {
      para(t("workflow.pdf.to", { name: c.applicantName }), { bold: true });
      para(t("workflow.pdf.refusal.body", { office, reference: c.reference, date: received }));
      const ground = input.ground ?? "";
      const groundWords = t(`workflow.pdf.grounds.${ground}` as "workflow.pdf.grounds.not-competent", { defaultValue: input.words.ground ?? ground });
      para(t("workflow.pdf.refusal.ground", { ground: groundWords, article: t("workflow.pdf.groundArticle") }), { indent: 14, bold: true });
      if (input.words.note) para(t("workflow.pdf.refusal.note", { note: input.words.note }), { indent: 14 });
      para(t("workflow.pdf.refusal.again"));
      break;
    }
    case "information-request":
      para(t("workflow.pdf.to", { name: c.applicantName }), { bold: true });
      para(t("workflow.pdf.information.body", { reference: c.reference, date: received }));
      if (input.words.message) para(input.words.message, { indent: 14 });
      if (input.requestedDocuments?.length) {
        para(t("workflow.pdf.information.documents"));
        for (const d of input.requestedDocuments) para(`- ${d}`, { indent: 14, align: "left" });
      }
      para(t("workflow.pdf.information.how"));
      break;
    case "forwarding-letter":
      para(t("workflow.pdf.to", { name: input.targetAgencyName ?? "" }), { bold: true });
      para(t("workflow.pdf.forwarding.body", { office, applicant: c.applicantName, reference: c.reference, date: received, target: input.targetAgencyName ?? "" }));
      para(t("workflow.pdf.forwarding.told"));
      break;
    case "assignment-decision":
      decisionPreamble(headOf);
      para(t("workflow.pdf.assignment.article1", { officer: input.officerName ?? "", caseNumber, reference: c.reference }));
      if (input.replaces) para(t("workflow.pdf.assignment.article1Replaced"));
      para(t("workflow.pdf.assignment.article2", { officer: input.officerName ?? "" }));
      break;
    case "closing-decision":
      decisionPreamble(headOf);
      para(t("workflow.pdf.closing.article1", { caseNumber, reference: c.reference }));
      if (input.words.reason) para(t("workflow.pdf.closing.reason", { reason: input.words.reason }), { indent: 14 });
      para(t("workflow.pdf.closing.article2"));
      break;
    default:
      para(t("workflow.pdf.generic.body", { office, event: input.eventTitle, reference: c.reference }));
      for (const [, v] of Object.entries(input.words)) if (v) para(v, { indent: 14 });
  }

  doc.moveDown(0.4);
  para(t("workflow.pdf.reference", { reference: c.reference }), { align: "left" });
  if (c.caseNumber) para(t("workflow.pdf.caseNumber", { caseNumber: c.caseNumber }), { align: "left" });

  // Recipients (left) and the signature block (right), side by side.
  doc.moveDown(0.8);
  if (doc.y > doc.page.height - doc.page.margins.bottom - 120) doc.addPage();
  const blockTop = doc.y;
  doc.font("bold").fontSize(10).text(t("workflow.pdf.recipients"), left, blockTop, { width: leftW });
  doc.font("body").fontSize(10);
  doc.text(known ? t("workflow.pdf.recipientApplicant") : t("workflow.pdf.recipientParty"), left, undefined, { width: leftW });
  if (input.targetAgencyName) doc.text(t("workflow.pdf.recipientOffice", { office: input.targetAgencyName }), left, undefined, { width: leftW });
  doc.text(t("workflow.pdf.recipientFile"), left, undefined, { width: leftW });
  doc.font("bold").fontSize(11.5).text(input.signerIsHead === false ? t("workflow.pdf.byOrderOfHead") : t("workflow.pdf.headOf"), rightX, blockTop, { width: rightW, align: "center" });
  doc.font("body").fontSize(9).text(t("workflow.pdf.signedOnline"), rightX, undefined, { width: rightW, align: "center" });
  doc.moveDown(2.5);
  if (input.signerName) doc.font("bold").fontSize(12).text(input.signerName, rightX, undefined, { width: rightW, align: "center" });

  // A signed document: the QR code of its public verification page, the address and the code.
  if (input.verify) {
    const qrSize = 96;
    doc.y = Math.max(doc.y, blockTop + 80) + 28;
    if (doc.y > doc.page.height - doc.page.margins.bottom - qrSize) doc.addPage();
    const qrTop = doc.y;
    drawQrCode(doc, input.verify.url, left, qrTop, qrSize);
    const textLeft = left + qrSize + 14;
    const textWidth = width - qrSize - 14;
    doc.font("bold").fontSize(10).text(t("workflow.pdf.verify.heading"), textLeft, qrTop, { width: textWidth });
    doc.font("body").fontSize(9).text(t("workflow.pdf.verify.text"), textLeft, undefined, { width: textWidth });
    doc.fillColor("#003d7a").text(input.verify.url, textLeft, undefined, { width: textWidth, link: input.verify.url });
    doc.fillColor("#000").font("bold").fontSize(10).text(t("workflow.pdf.verify.code", { code: input.verify.code }), textLeft, undefined, { width: textWidth });
  }
  doc.end();
  return done;
}

function section(d: CaseDocumentName) {
  return ({
    "acceptance-decision": "acceptance",
    "refusal-notice": "refusal",
    "information-request": "information",
    "forwarding-letter": "forwarding",
    "assignment-decision": "assignment",
    "closing-decision": "closing",
  } as const)[d];
}
