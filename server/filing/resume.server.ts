import { ResumeLinkSchema } from "./resume-schema";
import { redirect, type AppLoadContext } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { hit } from "../http/rate-limit.server";
import { enqueue } from "../jobs/queue.server";
import { createResumeLink, resumeDraft, RESUME_LINK_TTL_HOURS } from "./drafts.server";
import { draftCookie, requireDraft, resumePath } from "./steps.server";
import { applicantEmail } from "./journey";


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
 * Rate-limited per address and per IP; the e-mail goes out through the job queue.
 */
export async function sendResumeLink(request: Request, context: AppLoadContext, formData: FormData) {
  const draft = await requireDraft(request, context);
  const submission = parseWithZod(formData, { schema: ResumeLinkSchema });
  if (submission.status !== "success") return { ok: false as const, result: submission.reply(), retryAfter: 0 };
  const { sql } = context.services;
  const email = submission.value.email.toLowerCase();
  const limits = await Promise.all([
    hit(sql, { key: `filing-resume:email:${email}`, limit: 5, windowSeconds: 3600 }),
    hit(sql, { key: `filing-resume:ip:${context.clientIp ?? "unknown"}`, limit: 20, windowSeconds: 3600 }),
  ]);
  const blocked = limits.find((l) => !l.allowed);
  if (blocked) {
    return { ok: false as const, result: submission.reply({ formErrors: ["filing.save.rateLimited"] }), retryAfter: blocked.retryAfterSeconds };
  }
  const link = await sql.begin(async (tx) => {
    const created = await createResumeLink(tx, { draftId: draft.id, email });
    await enqueue(tx, "send_filing_resume_link", {
      email,
      url: `${context.services.config.BASE_URL}/dich-vu/yeu-cau-thi-hanh-an/tiep-tuc/${created.token}`,
      expiresAt: created.expiresAt.toISOString(),
      locale: context.locale,
    });
    return created;
  });
  return { ok: true as const, email, expiresAt: link.expiresAt.toISOString() };
}

/** Opening a resume link: the draft moves to this browser (new cookie token), then its next step. */
export async function openResumeLink(context: AppLoadContext, token: string | undefined) {
  const resumed = await resumeDraft(context.services.sql, { linkToken: token ?? "" });
  if (!resumed) return null;
  return redirect(resumePath(resumed.draft), { headers: { "Set-Cookie": draftCookie(context, resumed.token) } });
}
