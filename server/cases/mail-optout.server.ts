import { redirect } from "@remix-run/node";
import type { Sql } from "../db";
import type { RouteArgs } from "../http";
import { digestToken } from "../http";
import { audit } from "../audit";
import { paths } from "../../vocabulary/paths";
import type { MailOptOutPage } from "./mail-optout-types";

/**
 * `/thong-bao/tat/:token` (ADR 068): the one-click unsubscribe link every case e-mail carries (RFC 8058). GET
 * shows what will stop and a button; POST turns the party's e-mails for that case off (a mail client's
 * `List-Unsubscribe=One-Click`, or the button) and the page then offers turning them back on. The token is
 * 256 random bits, only its SHA-256 stored (case_mail_tokens): a forged or altered token names nothing and
 * gets the same "cannot be used" page. Each change is audited.
 */

/** The shape of newMailToken(): anything else names nothing and costs no query. */
const isMailTokenShape = (v: string | undefined): v is string => typeof v === "string" && /^[A-Za-z0-9_-]{43}$/.test(v);

type TokenCase = { case_id: string; reference: string; agency_id: string; notify_applicant: boolean };

async function caseOfToken(sql: Sql, token: string | undefined): Promise<TokenCase | null> {
  if (!isMailTokenShape(token)) return null;
  const [row] = await sql<TokenCase[]>`
    select c.id as case_id, c.reference, c.agency_id, c.notify_applicant
    from case_mail_tokens t join cases c on c.id = t.case_id
    where t.token_hash = ${digestToken(token)}`;
  return row ?? null;
}

export type { MailOptOutPage };

export async function loadMailOptOut({ request, params, context }: RouteArgs): Promise<MailOptOutPage> {
  const c = await caseOfToken(context.services.sql, params.token);
  if (!c) return { status: "invalid" };
  const done = new URL(request.url).searchParams.get("done");
  return { status: "ok", reference: c.reference, notify: c.notify_applicant, done: done === "off" || done === "on" ? done : null, error: null, token: params.token! };
}

/** Turns the case's e-mails off or on; a one-click POST (`List-Unsubscribe=One-Click`) turns them off. */
export async function submitMailOptOut({ request, params, context }: RouteArgs): Promise<MailOptOutPage & { httpStatus: number }> {
  const sql = context.services.sql;
  const c = await caseOfToken(sql, params.token);
  if (!c) return { status: "invalid", httpStatus: 404 };
  const form = await request.formData().catch(() => null);
  const intent = form?.get("List-Unsubscribe") === "One-Click" ? "off" : form?.get("intent");
  if (intent !== "off" && intent !== "on") {
    return { status: "ok", reference: c.reference, notify: c.notify_applicant, done: null, error: "badChoice", token: params.token!, httpStatus: 400 };
  }
  const notify = intent === "on";
  await sql.begin(async (tx) => {
    await tx`update cases set notify_applicant = ${notify} where id = ${c.case_id}`;
    await audit(tx, {
      actorType: "anonymous",
      agencyId: c.agency_id,
      action: notify ? "case.mailOptIn" : "case.mailOptOut",
      targetType: "case",
      targetId: c.case_id,
      ip: context.clientIp ?? null,
      requestId: context.requestId ?? null,
      details: { via: form?.get("List-Unsubscribe") === "One-Click" ? "one-click" : "page", was: c.notify_applicant },
    });
  });
  throw redirect(`${paths.caseMailOptOut(params.token!)}?done=${intent}`, 303);
}
