import { data, redirect } from "@remix-run/node";
import type { RouteArgs } from "../http";
import { requireStaff, requireStaffArea, type StaffProfile } from "../accounts";
import { audit } from "../audit";
import { paths } from "../../vocabulary/paths";
import { loadCalendar } from "../deadlines";
import {
  CASE_VIEWER_ROLES,
  PAYMENT_REVIEW_ROLES,
  scopeOf,
  REFUND_APPROVAL_ROLES,
  dashboardCounts,
  inboxOffices,
  listCases,
  paymentsNeedingReview,
  refundsAwaitingApproval,
} from "./list.server";
import { ASSIGN_ROLES, CLAIM_ROLES, assignCase, assignableStaff, claimCase, type AssignResult } from "./assign.server";
import { exportStream } from "./export.server";
import { INBOX_CASE_TYPES, INBOX_SORTS, INBOX_STATES, filterParams, inboxHref, parseInboxQuery, type QueryErrors } from "./query";

// What the inbox routes do (docs/decisions/061-the-inbox.md): each route's loader or action calls one of these.

const calendarFor = (args: RouteArgs) => loadCalendar(args.context.services.sql);

const has = (staff: StaffProfile, roles: readonly string[]) => staff.roles.some((r) => roles.includes(r.role));

/** `/staff/cases`: the office's cases (one page), payments needing review, refunds awaiting approval. */
export async function loadInbox(args: RouteArgs) {
  const staff = await requireStaffArea(args.request, args.context, "cases");
  const { sql } = args.context.services;
  const url = new URL(args.request.url);
  const { query, errors } = parseInboxQuery(url.searchParams);
  const seesCases = has(staff, CASE_VIEWER_ROLES);
  const [calendar, scope] = await Promise.all([calendarFor(args), seesCases ? scopeOf(sql, staff.id) : Promise.resolve([])]);
  const [page, offices, payments, refunds, assignees] = await Promise.all([
    scope.length ? listCases(sql, { staffId: staff.id, query, calendar, scope }) : Promise.resolve({ rows: [], next: null, prev: null }),
    // The office filter only for someone who sees several offices.
    scope.length > 1 ? inboxOffices(sql, { scope }) : Promise.resolve([]),
    has(staff, PAYMENT_REVIEW_ROLES) ? paymentsNeedingReview(sql, { staffId: staff.id }) : Promise.resolve(null),
    has(staff, REFUND_APPROVAL_ROLES) ? refundsAwaitingApproval(sql, { staffId: staff.id }) : Promise.resolve(null),
    has(staff, ASSIGN_ROLES) ? assignableStaff(sql, { staffId: staff.id }) : Promise.resolve([]),
  ]);
  const filters = filterParams(query);
  const body = {
    options: { types: INBOX_CASE_TYPES, states: INBOX_STATES, sorts: INBOX_SORTS },
    me: { id: staff.id, fullName: staff.fullName, mayClaim: has(staff, CLAIM_ROLES), mayAssign: has(staff, ASSIGN_ROLES) },
    seesCases,
    query: { ...filters, q: query.q } as Record<"q" | "type" | "state" | "age" | "due" | "assigned" | "office" | "sort", string | undefined>,
    errors,
    page: { rows: page.rows, next: page.next ? inboxHref(paths.staff.cases, { ...filters, after: page.next }) : null, prev: page.prev ? inboxHref(paths.staff.cases, { ...filters, before: page.prev }) : null },
    exportCsv: inboxHref(paths.staff.casesExportCsv, filters),
    exportJson: inboxHref(paths.staff.casesExportJson, filters),
    offices: offices.length > 1 ? offices : [],
    payments,
    refunds,
    assignees,
  };
  return data(body, { status: Object.keys(errors).length ? 400 : 200 });
}

export type InboxActionResult = { ok: true; message: "claimed" | "assigned"; reference: string } | { ok: false; reason: Exclude<AssignResult, { ok: true }>["reason"] | "bad-form" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUS = { "not-found": 404, forbidden: 403, conflict: 409, taken: 409, "bad-assignee": 400, "bad-form": 400 } as const;

/**
 * The inbox's (and the case page's) POST: `intent=claim` or `intent=assign` (`assigneeId`, empty = nobody),
 * with `caseId` and the `version` the person saw. The page's loaders run again after it; with
 * `returnTo=/staff/cases/<caseId>` (app/components/case-assignment.tsx on the case page) a success goes back there.
 */
export async function inboxAction(args: RouteArgs) {
  const staff = await requireStaff(args.request, args.context);
  const form = await args.request.formData().catch(() => null);
  const intent = form?.get("intent");
  const caseId = String(form?.get("caseId") ?? "");
  const versionText = String(form?.get("version") ?? "");
  const reference = String(form?.get("reference") ?? "").slice(0, 64);
  const assigneeText = String(form?.get("assigneeId") ?? "");
  const refuse = (reason: Extract<InboxActionResult, { ok: false }>["reason"]) => data<InboxActionResult>({ ok: false, reason }, { status: STATUS[reason] });
  if (!UUID.test(caseId) || (versionText !== "" && !/^\d{1,9}$/.test(versionText)) || (intent !== "claim" && intent !== "assign")) return refuse("bad-form");
  if (intent === "assign" && assigneeText !== "" && !UUID.test(assigneeText)) return refuse("bad-form");
  const meta = { ip: args.context.clientIp, requestId: args.context.requestId };
  const expectedVersion = versionText === "" ? undefined : Number(versionText);
  const { sql } = args.context.services;
  const r =
    intent === "claim"
      ? await claimCase(sql, { caseId, staffId: staff.id, expectedVersion, ...meta })
      : await assignCase(sql, { caseId, staffId: staff.id, assigneeId: assigneeText || null, expectedVersion, ...meta });
  if (!r.ok) return refuse(r.reason);
  // From the case page: back to it (only a case page of this portal).
  const returnTo = String(form?.get("returnTo") ?? "");
  if (returnTo === paths.staff.case(caseId)) throw redirect(returnTo, 303);
  return data<InboxActionResult>({ ok: true, message: intent === "claim" ? "claimed" : "assigned", reference });
}

/** `/staff/cases/export.csv` and `.json`: every case matching the filters, streamed; the export is audited. */
export async function exportCases(args: RouteArgs, format: "csv" | "json") {
  const staff = await requireStaffArea(args.request, args.context, "cases");
  const { sql } = args.context.services;
  const { query, errors } = parseInboxQuery(new URL(args.request.url).searchParams);
  if (Object.keys(errors).length) {
    return new Response(JSON.stringify({ errors }), { status: 400, headers: { "content-type": "application/json; charset=utf-8" } });
  }
  const calendar = await calendarFor(args);
  await audit(sql, {
    actorType: "staff", actorId: staff.id, action: "case.exported", targetType: "case",
    ip: args.context.clientIp, requestId: args.context.requestId, details: { format, filters: filterParams(query) },
  });
  // Someone without a case role exports nothing (the scope is empty): the same stream, no rows.
  const scope = await scopeOf(sql, staff.id);
  const stream = exportStream(sql, { staffId: staff.id, scope, query, calendar, format, locale: args.context.locale });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="ho-so-${day}.${format}"`,
      "cache-control": "no-store",
    },
  });
}

/** The staff home: who, their roles, and the inbox's counts for their offices (each a link to the filtered inbox). */
export async function loadStaffDashboard(args: RouteArgs) {
  const staff = await requireStaff(args.request, args.context);
  const calendar = await calendarFor(args);
  const counts = await dashboardCounts(args.context.services.sql, { staffId: staff.id, calendar });
  const seesCases = has(staff, CASE_VIEWER_ROLES);
  const links = [
    ...(seesCases
      ? ([
          ["newCases", counts.newCases, inboxHref(paths.staff.cases, { state: "received", assigned: "none" })],
          ["assignedToMe", counts.assignedToMe, inboxHref(paths.staff.cases, { assigned: "me" })],
          ["overdue", counts.overdue, inboxHref(paths.staff.cases, { due: "overdue", sort: "due" })],
          ["dueSoon", counts.dueSoon, inboxHref(paths.staff.cases, { due: "soon", sort: "due" })],
          ["awaitingCitizen", counts.awaitingCitizen, inboxHref(paths.staff.cases, { state: "awaitingCitizen" })],
        ] as const)
      : []),
    ...(has(staff, PAYMENT_REVIEW_ROLES) ? ([["paymentsReview", counts.paymentsReview, `${paths.staff.cases}#payments-review`]] as const) : []),
    ...(has(staff, REFUND_APPROVAL_ROLES) ? ([["refundsAwaiting", counts.refundsAwaiting, `${paths.staff.cases}#refunds-awaiting`]] as const) : []),
  ].map(([key, count, href]) => ({ key, count, href }));
  return { staff, counts: links };
}

/** `/staff/requests` (the list before the inbox): the inbox, enforcement requests only. */
export async function redirectOldRequestList(_args: RouteArgs): Promise<never> {
  throw redirect(inboxHref(paths.staff.cases, { type: "enforcement-request" }), 301);
}

export type { QueryErrors };
