import { ResumeLinkSchema } from "./resume-schema";
import { redirect, type AppLoadContext } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { clientKey, policies, settle, take, type RateLimited } from "../http/rate-limit.server";
import { enqueue } from "../jobs/queue.server";
import { createResumeLink, isTokenShape, resumeDraft, RESUME_LINK_TTL_HOURS } from "./drafts.server";
import { draftCookie, requireDraft, resumePath } from "./steps.server";
import { applicantEmail } from "./journey";
import { paths } from "../../vocabulary/paths";


/**
 * The save page offers an address to send the link to: the applicant's from the answers, else the one
 * the link was last sent to for this draft, else the signed-in citizen's.
 */
export async function loadSaveForLater(request: Request, context: AppLoadContext) {
  const draft = await requireDraft(request, context);
  const { sql } = context.services;
  let email = applicantEmail(draft.answers);
  if (!email) {
    const [row] = await sql<{ email: string | null }[]>`
      select coalesce(
        (select email from filing_resume_links where draft_id = ${draft.id} order by created_at desc limit 1),
        (select c.email from citizens c where c.id = ${draft.citizenId ?? null}::uuid)) as email`;
    email = row?.email ?? null;
  }
  return { email: email ?? "", continueHref: resumePath(draft), hours: RESUME_LINK_TTL_HOURS };
}

/**
 * "Save and continue later": e-mails a link that opens this draft on any device until it expires.
 * Rate-limited per address (growing waits, so nobody can stop an applicant saving for long) and per client
 * address; the e-mail goes out through the job queue.
 */
export async function sendResumeLink(request: Request, context: AppLoadContext, formData: FormData) {
  const draft = await requireDraft(request, context);
  const submission = parseWithZod(formData, { schema: ResumeLinkSchema });
  if (submission.status !== "success") return { ok: false as const, result: submission.reply(), retryAfter: 0 };
  const { sql } = context.services;
  const email = submission.value.email.toLowerCase();
  const policy = policies(context.services.config);
  const taken = await take(sql, [
    { key: `filing-resume:email:${email}`, policy: policy.mailTo, onSuccess: "keep" },
    { key: clientKey("filing-resume", context.clientIp), policy: policy.client, onSuccess: "keep" },
  ]);
  if (!taken.ok) {
    return { ok: false as const, result: submission.reply({ formErrors: ["filing.save.rateLimited"] }), retryAfter: taken.retryAfterSeconds };
  }
  const link = await sql.begin(async (tx) => {
    const created = await createResumeLink(tx, { draftId: draft.id, email });
    await enqueue(tx, "send_filing_resume_link", {
      email,
      url: `${context.services.config.BASE_URL}${paths.filing.resume(created.token)}`,
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
export async function openResumeLink(context: AppLoadContext, token: string | undefined): Promise<Response | RateLimited | null> {
  if (!isTokenShape(token)) return null; // not a link the portal made: no query, and nothing to count
  const { sql } = context.services;
  const taken = await take(sql, [{ key: clientKey("filing-resume-open", context.clientIp), policy: policies(context.services.config).client, onSuccess: "refund" }]);
  if (!taken.ok) return { ok: false, reason: "rate-limited", retryAfterSeconds: taken.retryAfterSeconds };
  const resumed = await resumeDraft(sql, { linkToken: token });
  if (!resumed) return null;
  await settle(sql, taken.ticket);
  return redirect(resumePath(resumed.draft), { headers: { "Set-Cookie": draftCookie(context, resumed.token) } });
}
