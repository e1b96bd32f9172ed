import crypto from "node:crypto";
import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Sql } from "../db";
import type { Services } from "../services";
import { renderEmail } from "../notifications";
import { digestToken } from "../http";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { isLocale, type Locale } from "../../vocabulary/i18n/config";
import { paths } from "../../vocabulary/paths";
import CaseUpdateEmail, { caseUpdateSubject, type CaseUpdateProps } from "../../emails/case-update";
import { notifiesParties, type CaseEventDef, type CaseFieldDef } from "./definition";
import { caseTypeById } from "./registry";
import { presentEventFields } from "./present.server";
import { caseLookupPath, myCasesPath } from "./follow-links";

/**
 * Task `case_notify` {caseId, eventId} (ADRs 062, 068): one e-mail to the party who filed the case for each
 * public event (unless its definition says `notify: false`), whatever the procedure: address, language and
 * choice from the case (`cases.applicant_email`, `locale`, `notify_applicant`, migration 00014). It says what
 * happened in plain words (the event, its public fields as the timeline stores them, the state it led to),
 * links to the lookup page and My cases — never the access code, never an ID number — and carries a one-click
 * unsubscribe link (RFC 8058). The request for more information is server/answers' own e-mail (with its answer
 * link) and the receipt is the filing confirmation, so those two send nothing here.
 *
 * Exactly one e-mail per event: the send happens inside the transaction that inserts the event's
 * `case_event_mail` row (migration 00015). A second run of the job (a retry, another worker at the same
 * moment) waits on that row and then finds it; a failed send rolls the row back and the retry sends.
 */
const Payload = z.object({ caseId: z.uuid(), eventId: z.coerce.number().int().positive() });

/** Events whose e-mail another task sends: the filing confirmation (received), the answer link (askForMore). */
export const NOTIFIED_ELSEWHERE: readonly string[] = ["received", "askForMore"];

type Row = {
  case_type: string;
  reference: string;
  case_number: string | null;
  applicant_name: string;
  applicant_email: string | null;
  locale: string;
  notify_applicant: boolean;
  event: string;
  to_state: string;
  details: Record<string, unknown> | null;
  office: string;
};

export type CaseMail = { to: string; subject: string; html: string; text: string };

/** The event, its case's party and its public details, when the event is one the party is e-mailed about. */
async function noticeOf(sql: Sql, { caseId, eventId }: z.infer<typeof Payload>) {
  // Only the timeline's details are read (the publicFields the engine stored), never the event's own fields.
  const [e] = await sql<Row[]>`
    select c.case_type, c.reference, c.case_number, c.applicant_name, c.applicant_email, c.locale, c.notify_applicant,
      e.event, e.to_state, tl.details, a.name as office
    from case_events e join cases c on c.id = e.case_id
    join case_timeline tl on tl.event_id = e.id
    join agencies a on a.id = coalesce((e.fields->>'fromAgencyId')::uuid, c.agency_id)
    where e.id = ${eventId} and e.case_id = ${caseId} and e.public`;
  if (!e) return null;
  const type = caseTypeById(e.case_type);
  const def = (type.events as Record<string, CaseEventDef | undefined>)[e.event];
  if (!def || !notifiesParties(def) || NOTIFIED_ELSEWHERE.includes(e.event)) return null;
  if (!e.applicant_email || !e.notify_applicant) return null;
  return { e, type, def, locale: (isLocale(e.locale) ? e.locale : "vi") as Locale };
}

/**
 * The e-mail an event sends (null when it sends none: not public, `notify: false`, told elsewhere, no address,
 * or the party turned e-mails off). `unsubscribeUrl`: the one-click link this e-mail carries.
 */
export async function caseNotification(sql: Sql, baseUrl: string, payload: z.infer<typeof Payload>, { unsubscribeUrl }: { unsubscribeUrl: string }) {
  const notice = await noticeOf(sql, payload);
  return notice ? composeMail(notice, baseUrl, unsubscribeUrl) : null;
}

async function composeMail({ e, type, def, locale }: NonNullable<Awaited<ReturnType<typeof noticeOf>>>, baseUrl: string, unsubscribeUrl: string): Promise<CaseMail> {
  const t = serverT(locale);
  const details = { ...(e.details ?? {}) };
  // A chosen officer or office is stored on the timeline by name only: show it under its field's label.
  for (const f of def.fields) {
    if (f.kind === "staff" && typeof details.officerName === "string") details[f.name] = details.officerName;
    if (f.kind === "agency" && typeof details.agencyName === "string") details[f.name] = details.agencyName;
  }
  const words = presentEventFields(t, locale, type, e.event, details);
  const said = (key: string) => {
    const v = String(t(key as never, { defaultValue: "" } as never));
    return v || null;
  };
  const base = {
    t,
    lang: locale,
    name: e.applicant_name,
    office: e.office,
    reference: e.reference,
    lookupUrl: `${baseUrl}${caseLookupPath(e.reference)}`,
    myCasesUrl: `${baseUrl}${myCasesPath}`,
    unsubscribeUrl,
    state: said(`${type.content}.party.states.${e.to_state}`),
    next: type.final.includes(e.to_state) ? null : said(`${type.content}.party.next.${e.to_state}`),
  };
  let props: CaseUpdateProps;
  if (e.event === "refuse" && typeof details.ground === "string") {
    const ground = `${t(`workflow.pdf.grounds.${details.ground}` as "workflow.pdf.grounds.not-competent", { defaultValue: words.ground ?? details.ground })} (${t("workflow.pdf.groundArticle")})`;
    props = { ...base, kind: "refused", ground, note: words.note ?? "", fileAgainUrl: `${baseUrl}${paths.filing.start}` };
  } else if (def.effects?.includes("allocateCaseNumber") && (typeof details.caseNumber === "string" || e.case_number)) {
    props = {
      ...base,
      kind: "accepted",
      caseNumber: String(details.caseNumber ?? e.case_number),
      decisionNumber: words.decisionNumber ?? "",
      decisionDate: words.decisionDate ?? "",
    };
  } else if (def.roles.length === 1 && def.roles[0] === "citizen") {
    // The party's own step (their answer): a short "we received it", without repeating what they sent.
    props = { ...base, kind: "answered" };
  } else {
    const shown = (f: CaseFieldDef) =>
      (def.publicFields ?? []).includes(f.name) ||
      (f.kind === "staff" && (def.publicFields ?? []).includes("officerName")) ||
      (f.kind === "agency" && (def.publicFields ?? []).includes("agencyName"));
    const lines = def.fields
      .filter((f) => shown(f) && words[f.name])
      .map((f) => `${t(`${type.content}.events.${e.event}.fields.${f.name}.label` as never, { defaultValue: f.name } as never)}: ${words[f.name]}`);
    // What happened in the party's words (`<content>.party.happened.<event>`), else the event's title.
    const title = String(t(`${type.content}.events.${e.event}.title` as never, { defaultValue: e.event } as never));
    props = { ...base, kind: "update", event: said(`${type.content}.party.happened.${e.event}`) ?? title, details: lines };
  }
  const { html, text } = await renderEmail(<CaseUpdateEmail {...props} />);
  return { to: e.applicant_email!, subject: caseUpdateSubject(props), html, text };
}

/** A fresh unsubscribe token: 256 random bits, base64url (only its SHA-256 is stored, case_mail_tokens). */
export const newMailToken = (): string => crypto.randomBytes(32).toString("base64url");

/**
 * Sends the event's e-mail at most once. Returns what happened (tests, logs): "sent", "none" (the event sends
 * no e-mail) or "already" (an earlier run sent it).
 */
export async function sendCaseNotification(services: Pick<Services, "sql" | "mailer" | "config">, raw: unknown): Promise<"sent" | "none" | "already"> {
  const payload = Payload.parse(raw);
  const { sql, mailer } = services;
  const baseUrl = services.config.BASE_URL;
  return sql.begin(async (tx) => {
    const notice = await noticeOf(tx, payload);
    if (!notice) return "none" as const;
    // The event's one row: a concurrent run blocks here until this transaction ends, then inserts nothing.
    const claimed = await tx<{ event_id: string }[]>`
      insert into case_event_mail (event_id, case_id, to_address) values (${payload.eventId}, ${payload.caseId}, ${notice.e.applicant_email!})
      on conflict (event_id) do nothing returning event_id`;
    if (!claimed.length) return "already" as const;
    const token = newMailToken();
    await tx`insert into case_mail_tokens (token_hash, case_id, event_id) values (${digestToken(token)}, ${payload.caseId}, ${payload.eventId})`;
    const unsubscribeUrl = `${baseUrl}${paths.caseMailOptOut(token)}`;
    const mail = await composeMail(notice, baseUrl, unsubscribeUrl);
    const host = new URL(baseUrl).hostname || "thads.local";
    const sent = await mailer.send({
      ...mail,
      // One Message-ID per event: a receiving server that saw it already may drop a repeat.
      messageId: `<case-event-${payload.eventId}@${host}>`,
      headers: { "List-Unsubscribe": `<${unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
    await tx`update case_event_mail set message_id = ${sent.messageId} where event_id = ${payload.eventId}`;
    return "sent" as const;
  }) as Promise<"sent" | "none" | "already">;
}

export function caseNotifyTask(services: Services): Task {
  return async (raw) => {
    await sendCaseNotification(services, raw);
  };
}
