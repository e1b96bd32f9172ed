import { redirect, type AppLoadContext } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { clientKey, policies, settle, take, type RateLimited } from "../http";
import { enqueue } from "../jobs";
import { createResumeLink, isTokenShape, resumeDraft, RESUME_LINK_TTL_HOURS } from "./drafts.server";
import { draftCookie, requireDraft, resumePath } from "./steps.server";
import { resumeLinkSchema } from "./resume-schema";
import type { Procedure } from "./procedure";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyProcedure<S extends string> = Procedure<S, any, any, any>;

/**
 * The save page offers an address to send the link to: the applicant's from the answers, else the one
 * the link was last sent to for this draft, else the signed-in citizen's.
 */
export async function loadSaveForLater<S extends string>(procedure: AnyProcedure<S>, request: Request, context: AppLoadContext) {
  const { journey } = procedure;
  const draft = await requireDraft(journey, request, context);
  const { sql } = context.services;
  let email = procedure.contactEmail?.(draft.answers) ?? null;
  if (!email) {
    const [row] = await sql<{ email: string | null }[]>`
      select coalesce(
        (select email from filing_resume_links where draft_id = ${draft.id} order by created_at desc limit 1),
        (select c.email from citizens c where c.id = ${draft.citizenId ?? null}::uuid)) as email`;
    email = row?.email ?? null;
  }
  return { email: email ?? "", continueHref: resumePath(journey, draft), hours: RESUME_LINK_TTL_HOURS };
}

/**
 * "Save and continue later": e-mails a link that opens this draft on any device until it expires.
 * Rate-limited per address (growing waits, so nobody can stop an applicant saving for long) and per client
 * address; the e-mail goes out through the job queue (the procedure's resume-link job).
 */
export async function sendResumeLink<S extends string>(procedure: AnyProcedure<S>, request: Request, context: AppLoadContext, formData: FormData) {
  const { journey } = procedure;
  const draft = await requireDraft(journey, request, context);
  const submission = parseWithZod(formData, { schema: resumeLinkSchema(journey.content) });
  if (submission.status !== "success") return { ok: false as const, result: submission.reply(), retryAfter: 0 };
  const { sql } = context.services;
  const email = submission.value.email.toLowerCase();
  const policy = policies(context.services.config);
  const key = procedure.rateLimitKey;
  const taken = await take(sql, [
    { key: `${key}-resume:email:${email}`, policy: policy.mailTo, onSuccess: "keep" },
    { key: clientKey(`${key}-resume`, context.clientIp), policy: policy.client, onSuccess: "keep" },
  ]);
  if (!taken.ok) {
    return { ok: false as const, result: submission.reply({ formErrors: [`${journey.content}.save.rateLimited`] }), retryAfter: taken.retryAfterSeconds };
  }
  const link = await sql.begin(async (tx) => {
    const created = await createResumeLink(tx, { draftId: draft.id, email });
    await enqueue(tx, procedure.resumeEmailJob, {
      email,
      url: `${context.services.config.BASE_URL}${journey.path}/${journey.resumeSlug}/${created.token}`,
      expiresAt: created.expiresAt.toISOString(),
      locale: context.locale,
    });
    return created;
  });
  return { ok: true as const, email, expiresAt: link.expiresAt.toISOString() };
}

/**
 * Opening a resume link: the draft moves to this browser (new cookie token), then its next step. Unknown
 * links count against the client address (the token cannot be guessed; this keeps anyone from trying).
 */
export async function openResumeLink<S extends string>(procedure: AnyProcedure<S>, context: AppLoadContext, token: string | undefined): Promise<Response | RateLimited | null> {
  const { journey } = procedure;
  if (!isTokenShape(token)) return null; // not a link the portal made: no query, and nothing to count
  const { sql } = context.services;
  const taken = await take(sql, [{ key: clientKey(`${procedure.rateLimitKey}-resume-open`, context.clientIp), policy: policies(context.services.config).client, onSuccess: "refund" }]);
  if (!taken.ok) return { ok: false, reason: "rate-limited", retryAfterSeconds: taken.retryAfterSeconds };
  const resumed = await resumeDraft<S>(sql, { linkToken: token, journey: journey.id });
  if (!resumed) return null;
  await settle(sql, taken.ticket);
  return redirect(resumePath(journey, resumed.draft), { headers: { "Set-Cookie": draftCookie(journey, context, resumed.token) } });
}
