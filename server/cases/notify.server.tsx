import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Sql } from "../db";
import type { Services } from "../services";
import { renderEmail } from "../notifications";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { isLocale, type Locale } from "../../vocabulary/i18n/config";
import { paths } from "../../vocabulary/paths";
import CaseUpdateEmail, { caseUpdateSubject, type CaseUpdateProps } from "../../emails/case-update";
import type { CaseEventDef, CaseFieldDef } from "./definition";
import { caseTypeById } from "./registry";
import { presentEventFields } from "./present.server";

/**
 * Task `case_notify` {caseId, eventId} (ADR 062): one e-mail to the applicant for a public event whose
 * definition says `notify`, in the language they filed in. The request for more information (askForMore)
 * is the answers part's own e-mail, with the link to answer, so it is skipped here.
 */
const Payload = z.object({ caseId: z.uuid(), eventId: z.coerce.number().int().positive() });

/** Events whose e-mail another task sends. */
export const NOTIFIED_ELSEWHERE: readonly string[] = ["askForMore"];

type Row = {
  case_type: string;
  submission_id: string;
  reference: string;
  case_number: string | null;
  event: string;
  public: boolean;
  fields: Record<string, unknown>;
  office: string;
};

/** The applicant of a case's submission: address and language (the enforcement request is the one procedure so far). */
async function applicantOf(sql: Sql, caseType: string, submissionId: string): Promise<{ email: string; name: string; locale: Locale } | null> {
  if (caseType !== "enforcement-request") return null;
  const [r] = await sql<{ applicant_email: string | null; applicant_name: string; locale: string }[]>`
    select applicant_email, applicant_name, locale from enforcement_requests where id = ${submissionId}`;
  if (!r?.applicant_email) return null;
  return { email: r.applicant_email, name: r.applicant_name, locale: isLocale(r.locale) ? r.locale : "vi" };
}

/** The e-mail an event sends (null when it sends none: not public, not notify, or told elsewhere). */
export async function caseNotification(sql: Sql, baseUrl: string, { caseId, eventId }: z.infer<typeof Payload>) {
  const [e] = await sql<Row[]>`
    select c.case_type, c.submission_id, c.reference, c.case_number, e.event, e.public, e.fields, a.name as office
    from case_events e join cases c on c.id = e.case_id
    join agencies a on a.id = coalesce((e.fields->>'fromAgencyId')::uuid, c.agency_id)
    where e.id = ${eventId} and e.case_id = ${caseId}`;
  if (!e) return null;
  const type = caseTypeById(e.case_type);
  const def = (type.events as Record<string, CaseEventDef | undefined>)[e.event];
  if (!def || !def.public || !def.notify || NOTIFIED_ELSEWHERE.includes(e.event)) return null;
  const to = await applicantOf(sql, e.case_type, e.submission_id);
  if (!to) return null;
  const t = serverT(to.locale);
  const fields = e.fields ?? {};
  const words = presentEventFields(t, to.locale, type, e.event, fields);
  const base = { t, lang: to.locale, name: to.name, office: e.office, reference: e.reference, followUrl: `${baseUrl}${paths.account}` };
  let props: CaseUpdateProps;
  if (e.event === "refuse" && typeof fields.ground === "string") {
    const ground = `${t(`workflow.pdf.grounds.${fields.ground}` as "workflow.pdf.grounds.not-competent", { defaultValue: words.ground ?? fields.ground })} (${t("workflow.pdf.groundArticle")})`;
    props = { ...base, kind: "refused", ground, note: words.note ?? "", fileAgainUrl: `${baseUrl}${paths.filing.start}` };
  } else if (def.effects?.includes("allocateCaseNumber") && (typeof fields.caseNumber === "string" || e.case_number)) {
    props = {
      ...base,
      kind: "accepted",
      caseNumber: String(fields.caseNumber ?? e.case_number),
      decisionNumber: words.decisionNumber ?? "",
      decisionDate: words.decisionDate ?? "",
    };
  } else {
    const shown = (f: CaseFieldDef) =>
      (def.publicFields ?? []).includes(f.name) ||
      (f.kind === "staff" && (def.publicFields ?? []).includes("officerName")) ||
      (f.kind === "agency" && (def.publicFields ?? []).includes("agencyName"));
    const details = def.fields
      .filter((f) => shown(f) && words[f.name])
      .map((f) => `${t(`${type.content}.events.${e.event}.fields.${f.name}.label` as never, { defaultValue: f.name } as never)}: ${words[f.name]}`);
    props = { ...base, kind: "update", event: String(t(`${type.content}.events.${e.event}.title` as never, { defaultValue: e.event } as never)), details };
  }
  const { html, text } = await renderEmail(<CaseUpdateEmail {...props} />);
  return { to: to.email, subject: caseUpdateSubject(props), html, text };
}

export function caseNotifyTask(services: Services): Task {
  return async (raw) => {
    const payload = Payload.parse(raw);
    const mail = await caseNotification(services.sql, services.config.BASE_URL, payload);
    if (mail) await services.mailer.send(mail);
  };
}
