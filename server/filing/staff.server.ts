import { createReadableStreamFromReadable, redirect, type AppLoadContext } from "@remix-run/node";
import { isUuid } from "../../vocabulary/identity";
import { uuidParam, type RouteArgs } from "../http";
import type { Sql } from "../db";
import { scopedAgencies } from "../agencies";
import { redirectSubmissionToCase, submissionVisibleTo } from "../cases";
import { ENFORCEMENT_REQUEST_CASE } from "./case-type";
import { audit } from "../audit";
import { requireStaff } from "../accounts";
import { getRequestById, justSubmitted } from "./submit.server";
import { fileStoreFor, listRequestAttachments } from "../journeys";
import { renderRequestPdf } from "./pdf.server";
import { paths } from "../../vocabulary/paths";
import { documentResponse, storedDocument } from "../documents";

/** Roles that receive filed requests at their office (the list itself is the inbox now, STAFF_AREAS.cases). */
const RECEIVING_ROLES = ["clerk", "head"] as const;

export type OfficeRequestRow = {
  id: string;
  reference: string;
  submittedAt: Date;
  applicantName: string;
  debtorName: string;
  courtName: string;
  status: string;
  pastTimeLimit: boolean;
};

/**
 * The requests of the offices where this staff member receives requests. The agency check is in the
 * SQL itself: a row is returned only when the staff member holds a receiving role at its agency.
 */
export async function listOfficeRequests(sql: Sql, { staffId, limit = 100 }: { staffId: string; limit?: number }): Promise<OfficeRequestRow[]> {
  const rows = await sql<
    { id: string; reference: string; submitted_at: Date; applicant_name: string; debtor_name: string; court_name: string; status: string; past_time_limit: boolean }[]
  >`
    select r.id, r.reference, r.submitted_at, r.applicant_name, r.debtor_name, c.name as court_name, r.status, r.past_time_limit
    from enforcement_requests r
    join courts c on c.id = r.court_id
    where r.agency_id in (${scopedAgencies(sql, staffId, RECEIVING_ROLES)})
    order by r.submitted_at desc
    limit ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    submittedAt: r.submitted_at,
    applicantName: r.applicant_name,
    debtorName: r.debtor_name,
    courtName: r.court_name,
    status: r.status,
    pastTimeLimit: r.past_time_limit,
  }));
}

/**
 * One request, only if this staff member sees its case (the office handling it now, after any forwarding,
 * for a viewer role of the case type) or receives requests at the office it was filed to (else null).
 */
export async function getOfficeRequest(sql: Sql, { staffId, requestId }: { staffId: string; requestId: string }) {
  if (!isUuid(requestId)) return null;
  const [allowed] = await sql`
    select 1 from enforcement_requests r
    where r.id = ${requestId}
      and r.agency_id in (${scopedAgencies(sql, staffId, RECEIVING_ROLES)})`;
  if (!allowed && !(await submissionVisibleTo(sql, { caseType: ENFORCEMENT_REQUEST_CASE.id, submissionId: requestId, staffId }))) return null;
  return getRequestById(sql, { id: requestId });
}

export async function requireReceivingStaff(request: Request, context: AppLoadContext) {
  const staff = await requireStaff(request, context);
  const offices = staff.roles.filter((r) => (RECEIVING_ROLES as readonly string[]).includes(r.role));
  return { staff, offices };
}

export async function loadOfficeList(request: Request, context: AppLoadContext) {
  const { staff, offices } = await requireReceivingStaff(request, context);
  const requests = offices.length ? await listOfficeRequests(context.services.sql, { staffId: staff.id }) : [];
  return { offices: [...new Set(offices.map((o) => o.agencyName))], requests };
}

/** The request's old page (`/staff/requests/:id`) leads to its case page, which shows the request (ADR 058). */
export async function openOfficeRequest(args: RouteArgs) {
  return redirectSubmissionToCase(args, ENFORCEMENT_REQUEST_CASE.id);
}

/** Streams one attachment of a request the staff member may see; audited. */
export async function downloadOfficeAttachment(request: Request, context: AppLoadContext, requestId: string | undefined, fileId: string | undefined) {
  uuidParam(requestId);
  uuidParam(fileId);
  const { staff } = await requireReceivingStaff(request, context);
  const { sql, config } = context.services;
  const found = await getOfficeRequest(sql, { staffId: staff.id, requestId: requestId ?? "" });
  const file = found ? (await listRequestAttachments(sql, { requestId: found.id })).find((a) => a.id === fileId) : undefined;
  if (!found || !file) throw new Response(null, { status: 404 });
  await audit(sql, {
    actorType: "staff",
    actorId: staff.id,
    agencyId: found.agencyId,
    action: "filing.attachment.downloaded",
    targetType: "filing_attachment",
    targetId: file.id,
    ip: context.clientIp,
    requestId: context.requestId,
  });
  const stream = fileStoreFor(config).read(file.storageKey);
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": `attachment; filename="${file.id}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * A filed request's PDF, rendered once per language and stored (ADR 057): what was filed never changes;
 * version 2 adds the line that says where to follow it (the status lookup, ADR 066). Served with its SHA-256 as a strong ETag and `private, no-cache`: each
 * use revalidates, after the same access check as before, and a current copy costs a 304.
 */
async function pdfResponse(sql: Sql, requestId: string, locale: "vi" | "en", ifNoneMatch: string | null, baseUrl: string) {
  const found = await getRequestById(sql, { id: requestId });
  if (!found) throw new Response(null, { status: 404 });
  const doc = await storedDocument(
    sql,
    { kind: "filing-request-pdf", ownerId: requestId, version: 2, locale },
    async () => ({
      contentType: "application/pdf",
      bytes: await renderRequestPdf({
        lookupUrl: new URL(paths.lookup(found.reference), baseUrl).toString(),
        reference: found.reference,
        submittedAt: found.submittedAt,
        agencyName: found.agencyName,
        courtName: found.courtName,
        answers: found.answers,
        attachments: await listRequestAttachments(sql, { requestId }),
        locale,
      }),
    }),
    { ifNoneMatch },
  );
  return documentResponse(doc, { filename: `${found.reference}.pdf`, disposition: "inline", vary: "Accept-Language, Cookie" });
}

export async function officeRequestPdf(request: Request, context: AppLoadContext, requestId: string | undefined) {
  uuidParam(requestId);
  const { staff } = await requireReceivingStaff(request, context);
  const found = await getOfficeRequest(context.services.sql, { staffId: staff.id, requestId: requestId ?? "" });
  if (!found) throw new Response(null, { status: 404 });
  return pdfResponse(context.services.sql, found.id, "vi", request.headers.get("if-none-match"), context.services.config.BASE_URL);
}

/**
 * The filed request's PDF for its own party, signed in (My cases, ADR 067): the caller has already proved
 * that the request's case is theirs. The same stored document as right after filing.
 */
export async function partyRequestPdf(sql: Sql, { requestId, locale, ifNoneMatch, baseUrl }: { requestId: string; locale: "vi" | "en"; ifNoneMatch: string | null; baseUrl: string }) {
  return pdfResponse(sql, requestId, locale, ifNoneMatch, baseUrl);
}

/** The applicant's own PDF, right after filing (the confirmation cookie proves they filed it). */
export async function submittedRequestPdf(request: Request, context: AppLoadContext) {
  const found = await justSubmitted(request, context);
  // The confirmation page says, localised, when to try again (the same limit answers it there).
  if (!found.ok && found.reason === "rate-limited") throw redirect(paths.filing.done);
  if (!found.ok) throw new Response(null, { status: 404 });
  return pdfResponse(context.services.sql, found.request.id, context.locale, request.headers.get("if-none-match"), context.services.config.BASE_URL);
}
