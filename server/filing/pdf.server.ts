import { serverT } from "../../vocabulary/i18n/resources.server";
import { formatDateTime } from "../../vocabulary/format";
import { fieldLabel, presentAnswer } from "./present";
import type { TFunction } from "i18next";
import { applicantName, pathFor, stepById, type Answers, type StepId } from "./journey";
import { createPdf } from "../pdf";


export type PdfInput = {
  reference: string;
  submittedAt: Date;
  agencyName: string;
  courtName: string;
  answers: Answers;
  attachments: { documentType: string; originalName: string }[];
  locale: "vi" | "en";
  /** The status lookup with the reference filled in (ADR 066), printed under the reference. */
  lookupUrl?: string;
};

/**
 * The request laid out like the paper form: national heading and motto, title, "Kính gửi" the office,
 * numbered parts (applicant, representative, judgment, debtor, what is to be enforced, assets, papers),
 * the declaration, then date and the applicant's name on the right.
 */
export async function renderRequestPdf(input: PdfInput): Promise<Buffer> {
  const t = serverT(input.locale);
  const { doc, done } = createPdf({
    margins: { top: 56, bottom: 56, left: 70, right: 56 },
    info: { Title: `${t("filing.pdf.title")} ${input.reference}`, Author: t("meta.siteName"), Subject: input.reference },
    lang: input.locale,
  });

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;

  doc.font("body").fontSize(9).fillColor("#333").text(t("filing.pdf.reference", { reference: input.reference }), { align: "left" });
  if (input.lookupUrl) doc.text(t("lookup.links.pdf", { url: input.lookupUrl }), { align: "left", link: input.lookupUrl });
  doc.moveDown(0.5).fillColor("#000");
  doc.font("bold").fontSize(12).text(t("filing.pdf.nation"), { align: "center" });
  doc.font("bold").fontSize(12).text(t("filing.pdf.motto"), { align: "center", underline: true });
  doc.moveDown(1.5);
  doc.font("bold").fontSize(15).text(t("filing.pdf.title"), { align: "center" });
  doc.moveDown(0.8);
  doc.font("body").fontSize(12).text(t("filing.pdf.to", { office: input.agencyName }), { align: "center" });
  doc.moveDown(1);

  const answers = input.answers;
  const court = input.courtName;
  let part = 0;
  const heading = (text: string) => {
    part += 1;
    doc.moveDown(0.6).font("bold").fontSize(12).text(`${part}. ${text}`, left, undefined, { width });
    doc.moveDown(0.2);
  };
  const line = (label: string, value: string) => {
    doc.font("body").fontSize(11).text(`${label}: `, left + 14, undefined, { continued: true, width: width - 14 });
    doc.font("bold").text(value);
  };
  const stepLines = (stepId: StepId) => {
    for (const l of pdfStepLines(t as never, input.locale, answers, stepId, court)) line(l.label, l.value);
  };

  const path = pathFor(answers).map((s) => s.id);
  heading(t("filing.pdf.applicantHeading"));
  stepLines("who");
  stepLines(path.includes("organisation") ? "organisation" : "person");
  if (path.includes("representative")) {
    heading(t("filing.pdf.representativeHeading"));
    stepLines("representative");
  }
  heading(t("filing.pdf.judgmentHeading"));
  const j = answers.judgment ?? {};
  const judgmentDef = stepById("judgment").fields;
  doc.font("body").fontSize(11).text(
    t("filing.pdf.judgmentLine", {
      number: String(j.judgmentNumber ?? ""),
      date: presentAnswer(t, input.locale, judgmentDef[2]!, j.judgmentDate),
      court,
      effective: presentAnswer(t, input.locale, judgmentDef[3]!, j.effectiveDate),
    }),
    left + 14,
    undefined,
    { width: width - 14 },
  );
  if (path.includes("creditor")) {
    heading(t("filing.pdf.creditorHeading"));
    stepLines("creditor");
  } else {
    heading(t("filing.pdf.debtorHeading"));
    stepLines("debtor");
  }
  heading(t("filing.pdf.requestHeading"));
  stepLines("obligations");
  if (path.includes("assets")) {
    heading(t("filing.pdf.assetsHeading"));
    stepLines("assets");
  }
  heading(t("filing.pdf.attachmentsHeading"));
  input.attachments.forEach((a, i) => {
    doc.font("body").fontSize(11).text(`${i + 1}. ${t(`filing.attachments.types.${a.documentType}` as never)}: ${a.originalName}`, left + 14, undefined, { width: width - 14 });
  });

  doc.moveDown(1).font("body").fontSize(11).text(t("filing.pdf.declaration"), left, undefined, { width, align: "justify" });
  doc.moveDown(1.2);
  const local = formatDateTime(input.submittedAt, "vi"); // dd/mm/yyyy HH:mm in Vietnam's time zone
  const [day, month, year] = local.slice(0, 10).split("/");
  const colX = left + width / 2;
  const colW = width / 2;
  doc.font("body").fontSize(11).text(t("filing.pdf.placeDate", { day, month, year }), colX, undefined, { width: colW, align: "center" });
  // A representative signs in their own name, on behalf of the applicant ("thay mặt").
  const signer = signatureBlock(answers);
  doc.font("bold").fontSize(12).text(t(signer.titleKey), colX, undefined, { width: colW, align: "center" });
  if (signer.onBehalfOf) doc.font("body").fontSize(11).text(t("filing.pdf.onBehalf", { name: signer.onBehalfOf }), colX, undefined, { width: colW, align: "center" });
  doc.font("body").fontSize(9).text(t("filing.pdf.signedOnline"), colX, undefined, { width: colW, align: "center" });
  doc.moveDown(0.6);
  doc.font("bold").fontSize(12).text(signer.name, colX, undefined, { width: colW, align: "center" });
  doc.end();
  return done;
}

/** Who signs the request: the applicant, or the representative who filled it in on the applicant's behalf. */
export function signatureBlock(answers: Answers): { titleKey: "filing.pdf.signature" | "filing.pdf.signatureRepresentative"; name: string; onBehalfOf: string | null } {
  const representative = pathFor(answers).some((s) => s.id === "representative") ? String(answers.representative?.repName ?? "") : "";
  if (representative) return { titleKey: "filing.pdf.signatureRepresentative", name: representative, onBehalfOf: applicantName(answers) };
  return { titleKey: "filing.pdf.signature", name: applicantName(answers), onBehalfOf: null };
}

/**
 * One step's lines on the request: the form's field names ("Người điền đơn", "Số tiền yêu cầu thi
 * hành"), not the questions the steps ask, with each answer as people read it; optional answers left
 * empty are left out.
 */
export function pdfStepLines(t: TFunction, locale: "vi" | "en", answers: Answers, stepId: StepId, courtName: string): { label: string; value: string }[] {
  return stepById(stepId).fields.flatMap((def) => {
    const value = answers[stepId]?.[def.name];
    if (def.optional && (value === undefined || value === "")) return [];
    return [{ label: fieldLabel(t, def), value: presentAnswer(t, locale, def, value, { courtName }) }];
  });
}
