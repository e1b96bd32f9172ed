import type { AppLoadContext } from "@remix-run/node";
import type { Pool, Sql } from "../db";
import { audit } from "../audit";
import { enqueue } from "../jobs";
import { readCookie, serializeCookie, clientKey, DEFAULT_RATE_LIMITS, policies, settle, take, type RateLimited, type RateLimitSettings } from "../http";
import type { SubmitContext } from "../journeys";
import { openCase, newAccessCode, accessCodeHash, type CaseType } from "../cases";

/**
 * One way for every procedure but the enforcement request to file what its journey gathered
 * (docs/decisions/073): a `submissions` row with a reference and an access code, the journey's files kept by
 * it, a case of the procedure's case type opened in the same transaction, one audit entry, and the
 * acknowledgement e-mail in the job outbox. A procedure's submit function calls `fileSubmission` with what
 * only it knows (the office, the names, what the inbox searches) and returns its outcome to the engine.
 */
export type FileSubmissionInput = {
  /** The journey id, stored with the row (`complaint`, `denunciation`, `feedback`, …). */
  procedure: string;
  /** Two capital letters of the reference (`KN-2026-0000042`): one per procedure, see REFERENCE_PREFIXES. */
  referencePrefix: string;
  caseType: CaseType;
  agencyId: string;
  /** What is stored as the submission's answers (a procedure may leave out what it keeps elsewhere). */
  answers: Record<string, unknown>;
  /**
   * The filing party's name as staff lists show it. Null for anonymous feedback, and for a denunciation,
   * whose denouncer is kept apart: then the case shows the procedure's placeholder (`anonymousLabel`).
   */
  applicantName: string | null;
  /** The placeholder the case lists show when there is no applicant name (e.g. "Người tố cáo (bảo mật)"). */
  anonymousLabel?: string;
  /** Where the acknowledgement and the case's e-mails go; null sends none. */
  applicantEmail: string | null;
  applicantIdNumber?: string | null;
  otherPartyName?: string | null;
  /** More text the staff inbox finds the case by (ID numbers, the decision complained of …). */
  searchParts?: string[];
  /** The enforcement case the submission is about, when the citizen named one. */
  relatedCaseId?: string | null;
  /** Anonymous: no account, no address, no e-mail and no IP address are stored, in any table. */
  anonymous?: boolean;
  /** The i18n key of the procedure's name for the acknowledgement e-mail (e.g. `complaints.name`). */
  nameKey: string;
};

export type FiledSubmission = { ok: true; submissionId: string; caseId: string; reference: string; accessCode: string; agencyId: string; procedure: string };

/** The reference prefixes taken (the enforcement request's is YC): a test checks they stay unique. */
export const REFERENCE_PREFIXES = {
  complaint: "KN",
  denunciation: "TC",
  feedback: "PA",
  confirmation: "XN",
  "officer-change": "DC",
} as const;

export async function fileSubmission(ctx: SubmitContext, input: FileSubmissionInput): Promise<FiledSubmission> {
  const { tx } = ctx;
  if (!/^[A-Z]{2}$/.test(input.referencePrefix)) throw new Error(`reference prefix must be two capital letters: ${input.referencePrefix}`);
  const anonymous = input.anonymous === true;
  const citizenId = anonymous ? null : ctx.citizenId;
  const email = anonymous ? null : input.applicantEmail?.trim() || null;
  const ip = anonymous ? null : ctx.ip;
  const accessCode = newAccessCode();
  const [{ nextval }] = (await tx<{ nextval: number }[]>`select nextval('submission_seq')::int as nextval`) as unknown as [{ nextval: number }];
  const year = new Intl.DateTimeFormat("en", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric" }).format(new Date());
  const reference = `${input.referencePrefix}-${year}-${String(nextval).padStart(7, "0")}`;
  const [row] = await tx<{ id: string; submitted_at: Date }[]>`
    insert into submissions (procedure, reference, access_code_hash, agency_id, citizen_id, applicant_name, applicant_email, locale, answers, related_case_id)
    values (${input.procedure}, ${reference}, ${accessCodeHash(accessCode)}, ${input.agencyId}, ${citizenId},
      ${anonymous ? null : input.applicantName}, ${email}, ${ctx.locale}, ${tx.json(input.answers as never)}, ${input.relatedCaseId ?? null})
    returning id, submitted_at`;
  const submissionId = row!.id;
  await tx`update filing_attachments set submission_id = ${submissionId}, draft_id = null where draft_id = ${ctx.draftId}`;
  const { caseId } = await openCase(tx, {
    caseType: input.caseType,
    submissionId,
    reference,
    agencyId: input.agencyId,
    applicantName: (anonymous ? null : input.applicantName) || input.anonymousLabel || "—",
    otherPartyName: input.otherPartyName ?? null,
    searchParts: input.searchParts ?? [],
    receivedAt: row!.submitted_at,
    accessCodeHash: accessCodeHash(accessCode),
    citizenId,
    applicantEmail: email,
    applicantIdNumber: anonymous ? null : (input.applicantIdNumber ?? null),
    locale: ctx.locale,
    actor: { type: "citizen", citizenId },
    ip,
    requestId: ctx.requestId,
  });
  await audit(tx, {
    actorType: citizenId ? "citizen" : "anonymous",
    actorId: citizenId,
    agencyId: input.agencyId,
    action: `${input.procedure}.submitted`,
    targetType: "submission",
    targetId: submissionId,
    ip,
    requestId: ctx.requestId,
    details: { reference, procedure: input.procedure },
  });
  if (email) {
    await enqueue(tx, "send_submission_ack", { submissionId, nameKey: input.nameKey }, { jobKey: `submission-ack:${submissionId}` });
  }
  return { ok: true, submissionId, caseId, reference, accessCode, agencyId: input.agencyId, procedure: input.procedure };
}

const DONE_COOKIE = "thads_submission_done";

/** The engine's `confirmation` hook: the procedure's "sent" page, with the pair in a short-lived cookie. */
export function submissionConfirmation(servicePath: string) {
  return (result: FiledSubmission, context: AppLoadContext) => ({
    redirectTo: `${servicePath}/da-gui`,
    cookies: [serializeCookie(DONE_COOKIE, `${result.procedure}.${result.reference}.${result.accessCode}`, { maxAge: 3600, secure: context.services.config.isProduction })],
  });
}

export type SubmissionRow = {
  id: string;
  procedure: string;
  reference: string;
  agencyId: string;
  agencyName: string;
  agencyAddress: string | null;
  agencyPhone: string | null;
  caseId: string | null;
  citizenId: string | null;
  applicantName: string | null;
  applicantEmail: string | null;
  locale: "vi" | "en";
  answers: Record<string, unknown>;
  relatedCaseId: string | null;
  submittedAt: Date;
};

const COLUMNS = (sql: Sql) => sql`
  s.id, s.procedure, s.reference, s.agency_id as "agencyId", a.name as "agencyName", a.address as "agencyAddress", a.phone as "agencyPhone",
  c.id as "caseId", s.citizen_id as "citizenId", s.applicant_name as "applicantName", s.applicant_email as "applicantEmail", s.locale,
  s.answers, s.related_case_id as "relatedCaseId", s.submitted_at as "submittedAt"`;

/** A submission by id (for its procedure's staff section, its e-mails and its documents). */
export async function getSubmission(sql: Sql, { id }: { id: string }): Promise<SubmissionRow | null> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const [row] = await sql<SubmissionRow[]>`
    select ${COLUMNS(sql)} from submissions s join agencies a on a.id = s.agency_id
    left join cases c on c.submission_id = s.id and c.reference = s.reference
    where s.id = ${id}`;
  return row ?? null;
}

export type JustFiled = { ok: true; submission: SubmissionRow; accessCode: string } | { ok: false; reason: "not-found" } | RateLimited;

/**
 * The submission of `procedure` just filed in this browser (from the confirmation cookie), with its access
 * code. The pair is checked like any lookup: failures count per reference and per address.
 */
export async function justFiledSubmission(request: Request, context: AppLoadContext, { procedure, limits }: { procedure: string; limits?: RateLimitSettings }): Promise<JustFiled> {
  const value = readCookie(request, DONE_COOKIE) ?? "";
  const [proc, reference, accessCode] = value.split(".");
  if (proc !== procedure || !reference || !accessCode || reference.length > 40 || accessCode.length > 40) return { ok: false, reason: "not-found" };
  const sql: Pool = context.services.sql;
  const policy = policies(limits ?? context.services.config ?? DEFAULT_RATE_LIMITS);
  const taken = await take(sql, [
    { key: `submission-access:reference:${reference}`, policy: policy.subject, onSuccess: "reset" },
    { key: clientKey("submission-access", context.clientIp), policy: policy.client, onSuccess: "refund" },
  ]);
  if (!taken.ok) return { ok: false, reason: "rate-limited", retryAfterSeconds: taken.retryAfterSeconds };
  const [row] = await sql<SubmissionRow[]>`
    select ${COLUMNS(sql)} from submissions s join agencies a on a.id = s.agency_id
    left join cases c on c.submission_id = s.id and c.reference = s.reference
    where s.reference = ${reference} and s.procedure = ${procedure} and s.access_code_hash = ${accessCodeHash(accessCode)}`;
  if (!row) return { ok: false, reason: "not-found" };
  await settle(sql, taken.ticket);
  return { ok: true, submission: row, accessCode };
}

/** The "sent" page of any procedure: reference, code, office, where the acknowledgement went. */
export type SubmissionDoneView =
  | { status: "done"; procedure: string; reference: string; accessCode: string; email: string | null; office: { name: string; address: string | null; phone: string | null } }
  | { status: "expired"; procedure: string }
  | { status: "rate-limited"; procedure: string; retryAfterSeconds: number };

export async function loadSubmissionDone(request: Request, context: AppLoadContext, { procedure }: { procedure: string }): Promise<SubmissionDoneView> {
  const found = await justFiledSubmission(request, context, { procedure });
  if (!found.ok && found.reason === "rate-limited") return { status: "rate-limited", procedure, retryAfterSeconds: found.retryAfterSeconds };
  if (!found.ok) return { status: "expired", procedure };
  const s = found.submission;
  return {
    status: "done",
    procedure,
    reference: s.reference,
    accessCode: found.accessCode,
    email: s.applicantEmail,
    office: { name: s.agencyName, address: s.agencyAddress, phone: s.agencyPhone },
  };
}

/** The files a submission kept (the journey's attachments), for its staff section and its documents. */
export async function submissionAttachments(sql: Sql, { submissionId }: { submissionId: string }) {
  return sql<{ id: string; documentType: string; originalName: string; contentType: string; sizeBytes: number; sha256: string }[]>`
    select id, document_type as "documentType", original_name as "originalName", content_type as "contentType",
      size_bytes::int as "sizeBytes", sha256
    from filing_attachments where submission_id = ${submissionId} order by created_at, id`;
}
