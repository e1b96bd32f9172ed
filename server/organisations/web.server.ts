import { data, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { BodyRefused, policies, retryAfterHeader, settle, take, type RouteArgs } from "../http";
import { requireCitizen } from "../accounts";
import { isUuid } from "../../vocabulary/identity";
import { paths, withQuery } from "../../vocabulary/paths";
import {
  addMember,
  changeMember,
  createOrganisation,
  membersOf,
  membershipOf,
  membershipsOf,
  type Actor,
  type Membership,
  type OrganisationProblem,
} from "./membership.server";
import { followByPair, followedCase, followedCases, followedStates, unfollowCase } from "./cases.server";
import { BULK_MAX_BYTES, BULK_MAX_ROWS, BULK_PAGE_ROWS, BULK_TTL_MINUTES, bulkCsv, bulkRun, readBulkFile, runBulkLookup, type BulkFileProblem } from "./bulk.server";

// What the organisation pages (/to-chuc/…) do, so their route files only call and render (ADR 055, 069).
// Every page of one organisation starts with `memberOrNotFound`: a non-member gets the same 404 as a
// missing organisation, whatever the id looks like.

const notFound = () => new Response(null, { status: 404 });
const text = (form: FormData, name: string, max = 400) => String(form.get(name) ?? "").slice(0, max);

function actorOf(args: RouteArgs, citizenId: string): Actor {
  return { citizenId, ip: args.context.clientIp, requestId: args.context.requestId };
}

async function memberOrNotFound(args: RouteArgs): Promise<{ membership: Membership; actor: Actor }> {
  const session = await requireCitizen(args.request, args.context);
  const id = args.params.id;
  const membership = isUuid(id) ? await membershipOf(args.context.services.sql, { organisationId: id, citizenId: session.citizenId }) : null;
  if (!membership) throw notFound();
  return { membership, actor: actorOf(args, session.citizenId) };
}

const orgView = (m: Membership) => ({ id: m.organisationId, name: m.name, taxCode: m.taxCode, role: m.role, isAdmin: m.role === "admin" });

// ---- /to-chuc: my organisations, and creating one ---------------------------------------------------

export async function loadMyOrganisations(args: RouteArgs) {
  const session = await requireCitizen(args.request, args.context);
  const memberships = await membershipsOf(args.context.services.sql, { citizenId: session.citizenId });
  return { organisations: memberships.map(orgView) };
}

export type FieldErrors = Partial<Record<string, OrganisationProblem | BulkFileProblem | "notFound" | "rateLimited" | "required" | "notAdmin">>;

/** A form's problems as the page shows them (and as app/utils/page-errors reads them): field and i18n code. */
export type Problem = { field: string; code: string };

/** The form's answer with its problems and what was typed, so nothing is lost. */
function fail<V>(errors: FieldErrors | Record<string, string>, values: V, status: number, extra: { retryAfter?: number } = {}) {
  const problems: Problem[] = Object.entries(errors).flatMap(([field, code]) => (code ? [{ field, code }] : []));
  return data({ problems, values, retryAfter: extra.retryAfter ?? 0 }, { status, headers: extra.retryAfter ? retryAfterHeader(extra.retryAfter) : {} });
}

export async function createOrganisationFromForm(args: RouteArgs) {
  const session = await requireCitizen(args.request, args.context);
  const form = await args.request.formData();
  const values = { name: text(form, "name", 300), taxCode: text(form, "taxCode", 40) };
  const result = await createOrganisation(args.context.services.sql, values, actorOf(args, session.citizenId));
  if (!result.ok) return fail(result.problems, values, result.problems.taxCode === "taxCode.taken" ? 409 : 400);
  throw redirect(paths.organisations.org(result.organisationId));
}

// ---- /to-chuc/:id: the followed cases, "add a case", unfollow ---------------------------------------

export async function loadOrganisationCases(args: RouteArgs) {
  const { membership } = await memberOrNotFound(args);
  const url = new URL(args.request.url);
  const sql = args.context.services.sql;
  const state = url.searchParams.get("state")?.slice(0, 60) || null;
  const reference = url.searchParams.get("q")?.slice(0, 60) || null;
  const [page, states] = await Promise.all([
    followedCases(sql, { organisationId: membership.organisationId, state, reference, after: url.searchParams.get("after") }),
    followedStates(sql, { organisationId: membership.organisationId }),
  ]);
  return {
    organisation: orgView(membership),
    filters: { state: state ?? "", q: reference ?? "" },
    states,
    items: page.items,
    next: page.next ? withQuery(paths.organisations.org(membership.organisationId), { state: state ?? undefined, q: reference ?? undefined, after: page.next }) : null,
    first: url.searchParams.has("after") ? withQuery(paths.organisations.org(membership.organisationId), { state: state ?? undefined, q: reference ?? undefined }) : null,
    notice: url.searchParams.get("added") ? { kind: "added" as const, reference: url.searchParams.get("added")!.slice(0, 60) }
      : url.searchParams.get("removed") ? { kind: "removed" as const, reference: url.searchParams.get("removed")!.slice(0, 60) }
      : null,
  };
}

export async function organisationCasesAction(args: RouteArgs) {
  const { membership, actor } = await memberOrNotFound(args);
  const { sql, config } = args.context.services;
  const form = await args.request.formData();
  const intent = text(form, "intent", 20);
  const orgId = membership.organisationId;
  if (intent === "unfollow") {
    const reference = text(form, "reference", 60);
    if (!(await unfollowCase(sql, { organisationId: orgId, reference }, actor))) throw notFound();
    throw redirect(withQuery(paths.organisations.org(orgId), { removed: reference }));
  }
  const values = { reference: text(form, "reference", 60), accessCode: text(form, "accessCode", 64) };
  const errors: FieldErrors = {};
  if (!values.reference.trim()) errors.reference = "required";
  if (!values.accessCode.trim()) errors.accessCode = "required";
  if (Object.keys(errors).length) return fail(errors, values, 400);
  const taken = await take(sql, [{ key: `org-follow:${orgId}`, policy: policies(config).subject, onSuccess: "refund" }]);
  if (!taken.ok) return fail({ form: "rateLimited" }, values, 429, { retryAfter: taken.retryAfterSeconds });
  const followed = await followByPair(sql, { organisationId: orgId, ...values }, actor);
  if (!followed) return fail({ form: "notFound" }, values, 404);
  await settle(sql, taken.ticket);
  throw redirect(withQuery(paths.organisations.org(orgId), { added: followed.reference }));
}

// ---- /to-chuc/:id/ho-so/:reference: one followed case ----------------------------------------------

export async function loadOrganisationCase(args: RouteArgs) {
  const { membership } = await memberOrNotFound(args);
  const view = await followedCase(args.context.services.sql, { organisationId: membership.organisationId, reference: args.params.reference ?? "" });
  if (!view) throw notFound();
  return { organisation: orgView(membership), view };
}

// ---- /to-chuc/:id/thanh-vien: members ---------------------------------------------------------------

export async function loadMembers(args: RouteArgs) {
  const { membership, actor } = await memberOrNotFound(args);
  const members = await membersOf(args.context.services.sql, { organisationId: membership.organisationId, citizenId: actor.citizenId });
  const url = new URL(args.request.url);
  return { organisation: orgView(membership), members, notice: url.searchParams.has("saved") ? ("saved" as const) : null };
}

export async function membersAction(args: RouteArgs) {
  const { membership, actor } = await memberOrNotFound(args);
  const sql = args.context.services.sql;
  const form = await args.request.formData();
  const orgId = membership.organisationId;
  const values = { email: text(form, "email", 400), role: text(form, "role", 20) || "member" };
  if (membership.role !== "admin") return fail({ form: "notAdmin" }, values, 403);
  if (text(form, "intent", 20) === "add") {
    const added = await addMember(sql, { organisationId: orgId, ...values }, actor);
    if (!added.ok) return fail(added.problems, values, added.problems.email === "alreadyMember" ? 409 : 400);
    throw redirect(withQuery(paths.organisations.members(orgId), { saved: 1 }));
  }
  const memberId = text(form, "memberId", 40);
  const change = text(form, "change", 20);
  if (!isUuid(memberId) || !["admin", "member", "remove"].includes(change)) return fail({ form: "notMember" }, values, 400);
  const changed = await changeMember(sql, { organisationId: orgId, memberId, change: change as "admin" | "member" | "remove" }, actor);
  if (!changed.ok) return fail({ form: changed.problem }, values, changed.problem === "lastAdmin" ? 409 : 404);
  if (memberId === actor.citizenId && change === "remove") throw redirect(paths.organisations.list);
  throw redirect(withQuery(paths.organisations.members(orgId), { saved: 1 }));
}

// ---- /to-chuc/:id/tra-cuu-hang-loat: the bulk lookup ------------------------------------------------

export async function loadBulkLookup(args: RouteArgs) {
  const { membership } = await memberOrNotFound(args);
  return { organisation: orgView(membership), maxRows: BULK_MAX_ROWS, maxMb: BULK_MAX_BYTES / 1024 / 1024, ttlMinutes: BULK_TTL_MINUTES };
}

export async function bulkLookupAction(args: RouteArgs) {
  const { membership, actor } = await memberOrNotFound(args);
  const refuse = (problem: BulkFileProblem | "rateLimited", status: number, follow: boolean, retryAfter = 0) => fail({ file: problem }, { follow }, status, { retryAfter });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(args.request, unstable_createMemoryUploadHandler({ maxPartSize: BULK_MAX_BYTES }));
  } catch (e) {
    // A body cut at its cap is answered 413 by the request handler; a file past its part cap is "too big";
    // any other unreadable upload (not a form, cut short) is "not a CSV file".
    if (e instanceof BodyRefused) throw e;
    if (e instanceof MaxPartSizeExceededError) return refuse("tooBig", 413, false);
    return refuse("notCsv", 400, false);
  }
  const follow = form.get("follow") === "1";
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return refuse("empty", 400, follow);
  const read = readBulkFile(new Uint8Array(await file.arrayBuffer()));
  if (!read.ok) return refuse(read.problem, read.problem === "tooBig" ? 413 : 400, follow);
  const run = await runBulkLookup(args.context.services.sql, { organisationId: membership.organisationId, pairs: read.pairs, follow }, actor);
  if (!run.ok) return refuse("rateLimited", 429, follow, run.retryAfterSeconds);
  throw redirect(paths.organisations.bulkRun(membership.organisationId, run.runId));
}

async function runOrNotFound(args: RouteArgs, slice?: { offset: number; limit: number }) {
  const { membership } = await memberOrNotFound(args);
  const run = await bulkRun(args.context.services.sql, { organisationId: membership.organisationId, runId: args.params.run ?? "", slice });
  if (!run) throw notFound();
  return { membership, run };
}

/** The result page: BULK_PAGE_ROWS lines a page (`?trang=2`), with links to the others; the CSV has every line. */
export async function loadBulkRun(args: RouteArgs) {
  const requested = Number(new URL(args.request.url).searchParams.get("trang") ?? "1");
  const pageNo = Number.isInteger(requested) && requested >= 1 && requested <= 1000 ? requested : 1;
  const { membership, run } = await runOrNotFound(args, { offset: (pageNo - 1) * BULK_PAGE_ROWS, limit: BULK_PAGE_ROWS });
  const here = paths.organisations.bulkRun(membership.organisationId, run.id);
  const current = Math.floor(run.offset / BULK_PAGE_ROWS) + 1;
  const pages = Math.max(1, Math.ceil(run.total / BULK_PAGE_ROWS));
  return {
    organisation: orgView(membership),
    run,
    csv: paths.organisations.bulkCsv(membership.organisationId, run.id),
    paging: {
      from: run.offset + 1,
      to: run.offset + run.rows.length,
      previous: current > 1 ? withQuery(here, { trang: current - 1 }) : null,
      next: current < pages ? withQuery(here, { trang: current + 1 }) : null,
    },
  };
}

export async function downloadBulkCsv(args: RouteArgs) {
  const { run } = await runOrNotFound(args);
  return new Response(bulkCsv(run, args.context.locale), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="tra-cuu-hang-loat-${run.createdAt.slice(0, 10)}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
