import type { TFunction } from "i18next";
import { createPdf } from "../pdf";
import { formatDateTime } from "../../vocabulary/format";
import { presenter } from "./present";
import type { Answers, Journey } from "./definition";

/**
 * One step's lines as a record shows them: each field's short name and its answer as people read it;
 * optional answers left empty are left out. `selectLabel` names a select's chosen option when it comes
 * from the database (a court's name).
 */
export function answerLines<S extends string>(
  journey: Journey<S>,
  t: TFunction,
  locale: "vi" | "en",
  answers: Answers<S>,
  stepId: S,
  selectLabel: (field: string, value: unknown) => string | null = () => null,
): { label: string; value: string }[] {
  const { presentAnswer, fieldLabel } = presenter(journey.content);
  return journey.stepById(stepId).fields.flatMap((def) => {
    const value = answers[stepId]?.[def.name];
    if (def.optional && (value === undefined || value === "")) return [];
    return [{ label: fieldLabel(t, def), value: presentAnswer(t, locale, def, value, { selectLabel: selectLabel(def.name, value) }) }];
  });
}

export type AnswersPdfInput<S extends string> = {
  journey: Journey<S>;
  t: TFunction;
  locale: "vi" | "en";
  /** The document's title and, if there is one, the reference the procedure gave it. */
  title: string;
  /** The document's author in its metadata (the portal's name). */
  author?: string;
  reference?: string | null;
  submittedAt?: Date | null;
  answers: Answers<S>;
  attachments?: { documentType: string; originalName: string }[];
  selectLabel?: (field: string, value: unknown) => string | null;
};

/**
 * The answers as a PDF any journey gets without writing a layout: the title, the reference and time,
 * then each step on the applicant's path under its title (`<content>.steps.<id>.title`), the files by
 * type (`<content>.attachments.types.<type>`). A procedure with a paper form of its own lays it out itself
 * (the enforcement request does) and can reuse `answerLines`.
 */
export async function renderAnswersPdf<S extends string>(input: AnswersPdfInput<S>): Promise<Buffer> {
  const { journey, t, locale } = input;
  const { doc, done } = createPdf({
    margins: { top: 56, bottom: 56, left: 64, right: 56 },
    info: { Title: input.reference ? `${input.title} ${input.reference}` : input.title, ...(input.author ? { Author: input.author } : {}) },
    lang: locale,
  });
  doc.font("bold").fontSize(15).text(input.title, { align: "center" });
  if (input.reference) doc.font("body").fontSize(11).text(input.reference, { align: "center" });
  if (input.submittedAt) doc.font("body").fontSize(10).text(formatDateTime(input.submittedAt, locale), { align: "center" });
  doc.moveDown(1);
  for (const step of journey.pathFor(input.answers)) {
    doc.moveDown(0.5).font("bold").fontSize(12).text(t(`${journey.content}.steps.${step.id}.title` as never) as string);
    doc.moveDown(0.2);
    if (step.kind === "attachments") {
      (input.attachments ?? []).forEach((a, i) => {
        doc.font("body").fontSize(11).text(`${i + 1}. ${t(`${journey.content}.attachments.types.${a.documentType}` as never) as string}: ${a.originalName}`);
      });
      continue;
    }
    for (const line of answerLines(journey, t, locale, input.answers, step.id, input.selectLabel)) {
      doc.font("body").fontSize(11).text(`${line.label}: `, { continued: true });
      doc.font("bold").text(line.value);
    }
  }
  doc.end();
  return done;
}
