import { createReadableStreamFromReadable, redirect } from "@remix-run/node";
import type { RouteArgs } from "../http";
import { uuidParam } from "../http";
import { loadAccountPage, requireCitizen, requireStaff, type StaffRole } from "../accounts";
import { scopedAgencies } from "../agencies";
import { audit } from "../audit";
import { fileStoreFor } from "../journeys";
import type { Sql } from "../db";
import { paths } from "../../vocabulary/paths";
import { isUuid } from "../../vocabulary/identity";
import { receiveAnswer } from "./answer.server";
import {
  filesOf,
  infoRequestByToken,
  infoRequestForCitizen,
  infoRequestsOfCase,
  openInfoRequestsForCitizen,
  toView,
  ensureInfoRequests,
  type InfoRequest,
} from "./info-requests.server";
import type { InfoRequestView } from "./browser";

/** Staff roles that see a case's questions and answers at its office (the case types' viewers). */
export const CASE_VIEWER_ROLES: readonly StaffRole[] = ["clerk", "officer", "accountant", "head"];

export type AnswerPage =
  | { status: "invalid" }
  | { status: "open" | "answered" | "closed" | "expired"; request: InfoRequestView; sent: boolean };

async function pageOf(sql: Sql, q: InfoRequest | null, url: string): Promise<AnswerPage> {
  if (!q || q.status === "expired") return { status: "invalid" };
  const files = q.status === "answered" ? await filesOf(sql, [q.id]) : [];
  return { status: q.status, request: toView(q, files), sent: new URL(url).searchParams.has("sent") };
}

/** `/tra-loi/:token`: the question from the e-mailed link (no sign-in needed). */
export async function loadAnswerByLink({ request, params, context }: RouteArgs) {
  const sql = context.services.sql;
  const page = await pageOf(sql, await infoRequestByToken(sql, params.token ?? ""), request.url);
  return page;
}

export async function submitAnswerByLink({ request, params, context }: RouteArgs) {
  const sql = context.services.sql;
  const q = await infoRequestByToken(sql, params.token ?? "");
  if (!q || q.status === "expired") return { ok: false as const, problems: [{ code: "closed" as const }], values: { answer: "", documentType: "" }, status: 404 as const };
  if (q.status !== "open") {
    return { ok: false as const, problems: [{ code: q.status === "answered" ? ("alreadyAnswered" as const) : ("closed" as const) }], values: { answer: "", documentType: "" }, status: 409 as const };
  }
  const outcome = await receiveAnswer(request, { sql, store: fileStoreFor(context.services.config), ip: context.clientIp, requestId: context.requestId }, { infoRequest: q, via: "link", citizenId: null });
  if (outcome.ok) throw redirect(`${paths.answers.link(params.token ?? "")}?sent=1`);
  return outcome;
}

/** `/tai-khoan/tra-loi/:id`: the same question from the signed-in citizen's account (their own cases only). */
export async function loadAnswerFromAccount({ request, params, context }: RouteArgs) {
  const session = await requireCitizen(request, context);
  const sql = context.services.sql;
  const q = isUuid(params.id) ? await infoRequestForCitizen(sql, { id: params.id, citizenId: session.citizenId }) : null;
  return pageOf(sql, q, request.url);
}

export async function submitAnswerFromAccount({ request, params, context }: RouteArgs) {
  const session = await requireCitizen(request, context);
  const sql = context.services.sql;
  const q = isUuid(params.id) ? await infoRequestForCitizen(sql, { id: params.id, citizenId: session.citizenId }) : null;
  if (!q || q.status === "expired") return { ok: false as const, problems: [{ code: "closed" as const }], values: { answer: "", documentType: "" }, status: 404 as const };
  if (q.status !== "open") {
    return { ok: false as const, problems: [{ code: q.status === "answered" ? ("alreadyAnswered" as const) : ("closed" as const) }], values: { answer: "", documentType: "" }, status: 409 as const };
  }
  const outcome = await receiveAnswer(
    request,
    { sql, store: fileStoreFor(context.services.config), ip: context.clientIp, requestId: context.requestId },
    { infoRequest: q, via: "account", citizenId: session.citizenId },
  );
  if (outcome.ok) throw redirect(`${paths.answers.account(q.id)}?sent=1`);
  return outcome;
}

/** The account page (`/tai-khoan`) with its "Việc cần bạn làm" list: the open questions of the citizen's cases. */
export async function loadAccountWithTasks({ request, context }: RouteArgs) {
  const session = await requireCitizen(request, context);
  const [page, open] = await Promise.all([
    loadAccountPage(request, context),
    openInfoRequestsForCitizen(context.services.sql, { citizenId: session.citizenId }),
  ]);
  return {
    ...page,
    tasks: open.map((q) => ({ id: q.id, reference: q.reference, office: q.officeName, expiresAt: q.expiresAt.toISOString(), href: paths.answers.account(q.id) })),
  };
}

/**
 * The staff case page's section: every question of the case with its answer and files, for a staff
 * member who may see the case (scoped in SQL), else null. The engine's case page calls it.
 */
export async function caseInfoRequestsFor(sql: Sql, { caseId, staffId }: { caseId: string; staffId: string }): Promise<InfoRequestView[] | null> {
  if (!isUuid(caseId)) return null;
  const [visible] = await sql`
    select 1 from cases c where c.id = ${caseId} and c.agency_id in (${scopedAgencies(sql, staffId, CASE_VIEWER_ROLES)})`;
  if (!visible) return null;
  await ensureInfoRequests(sql, { caseId });
  return infoRequestsOfCase(sql, { caseId });
}

/** `/staff/cases/:id/answers/:fileId`: one file of an answer, for staff who may see the case; audited. */
export async function downloadAnswerFile({ request, params, context }: RouteArgs) {
  uuidParam(params.id);
  uuidParam(params.fileId);
  const staff = await requireStaff(request, context);
  const { sql, config } = context.services;
  const [file] = await sql<{ id: string; storage_key: string; content_type: string; size_bytes: string; original_name: string; agency_id: string; info_request_id: string }[]>`
    select f.id, f.storage_key, f.content_type, f.size_bytes::text, f.original_name, c.agency_id, f.info_request_id
    from case_info_attachments f
    join case_info_requests q on q.id = f.info_request_id
    join cases c on c.id = q.case_id
    where f.id = ${params.fileId!} and c.id = ${params.id!}
      and c.agency_id in (${scopedAgencies(sql, staff.id, CASE_VIEWER_ROLES)})`;
  if (!file) throw new Response(null, { status: 404 });
  await audit(sql, {
    actorType: "staff",
    actorId: staff.id,
    agencyId: file.agency_id,
    action: "case.answer-file.downloaded",
    targetType: "case",
    targetId: params.id!,
    ip: context.clientIp,
    requestId: context.requestId,
    details: { fileId: file.id, infoRequestId: file.info_request_id },
  });
  const stream = fileStoreFor(config).read(file.storage_key);
  return new Response(createReadableStreamFromReadable(stream), {
    headers: {
      "Content-Type": file.content_type,
      "Content-Length": file.size_bytes,
      "Content-Disposition": `attachment; filename="${file.id}"; filename*=UTF-8''${encodeURIComponent(file.original_name)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
