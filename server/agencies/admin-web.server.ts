import {
  data, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData, type AppLoadContext,
} from "@remix-run/node";
import { requireStaffArea, STAFF_ROLES, type StaffRole } from "../accounts";
import { uuidParam, BodyRefused } from "../http";
import {
  AgencyCreateSchema, AgencyMoveSchema, AgencyRenameSchema, CourtCreateSchema, CourtMapSchema, fieldErrors, RoleGrantSchema, StaffCreateSchema,
  TREE_CSV_COLUMNS, TREE_CSV_MAX_BYTES, type FieldErrors,
} from "./schemas";
import { AGENCY_LEVELS } from "./roles";
import { createAgency, deactivateAgency, deactivationBlockers, getAgency, listAgencyTree, moveAgency, renameAgency, subtreeIds, type Actor } from "./tree.server";
import { checkTreeCsv, decodeCsv, importTreeCsv, type TreeCsvProblem, type TreeCsvRow } from "./tree-import.server";
import { createStaffAccount, deactivateStaff, getStaffAccount, grantRole, listStaffAccounts, removeRole, revokeStaffSessions } from "./staff-admin.server";
import { createCourt, getCourtForAdmin, issueCourtKeyByAdmin, listCourtsForAdmin, mapCourt, revokeCourtKeyByAdmin } from "./courts.server";

/**
 * The administration pages' server functions (route convention: a route's loader and action call one
 * of these; each returns a camelCase view or throws a Response). Every one starts with the admin guard:
 * any other role gets the 403 page, a visitor or citizen the sign-in redirect.
 */

async function requireAdmin(request: Request, context: AppLoadContext): Promise<Actor> {
  const staff = await requireStaffArea(request, context, "admin");
  return { staffId: staff.id, ip: context.clientIp, requestId: context.requestId };
}

type Values = Record<string, string>;
const valuesOf = (form: FormData, names: string[]): Values => Object.fromEntries(names.map((n) => [n, String(form.get(n) ?? "")]));
const invalid = (errors: FieldErrors, values: Values, extra: Record<string, unknown> = {}) => data({ errors, values, ...extra }, { status: 400 });

const agencyOptions = async (context: AppLoadContext) =>
  (await listAgencyTree(context.services.sql)).filter((a) => a.active).map((a) => ({ id: a.id, label: `${"— ".repeat(a.depth)}${a.name} (${a.code})`, level: a.level }));

// ---- Home ---------------------------------------------------------------------------------------------

export async function loadAdminHome(request: Request, context: AppLoadContext) {
  await requireAdmin(request, context);
  const [row] = await context.services.sql<{ agencies: number; staff: number; courts: number }[]>`
    select (select count(*)::int from agencies where active) as agencies, (select count(*)::int from staff where active) as staff,
      (select count(*)::int from courts where active) as courts`;
  return { counts: row! };
}

// ---- The agency tree ----------------------------------------------------------------------------------

export async function loadAgencyTree(request: Request, context: AppLoadContext) {
  await requireAdmin(request, context);
  const done = new URL(request.url).searchParams.get("done");
  return { tree: await listAgencyTree(context.services.sql), levels: AGENCY_LEVELS.filter((l) => l !== "central"), done };
}

export async function createAgencyFromForm(request: Request, context: AppLoadContext) {
  const actor = await requireAdmin(request, context);
  const form = await request.formData();
  const values = valuesOf(form, ["code", "name", "parentId", "level"]);
  const parsed = AgencyCreateSchema.safeParse(values);
  if (!parsed.success) return invalid(fieldErrors(parsed.error), values);
  const result = await createAgency(context.services.sql, parsed.data, actor);
  if (!result.ok) return invalid({ [result.field]: result.error }, values);
  throw redirect(`/staff/admin/agencies?done=created#agency-${result.id}`);
}

export async function loadAgency(request: Request, context: AppLoadContext, id: string | undefined) {
  uuidParam(id);
  await requireAdmin(request, context);
  const { sql } = context.services;
  const agency = await getAgency(sql, id!);
  if (!agency) throw data(null, { status: 404 });
  const below = await subtreeIds(sql, agency.id);
  const parents = (await agencyOptions(context)).filter((a) => !below.has(a.id));
  const done = new URL(request.url).searchParams.get("done");
  return {
    agency: { id: agency.id, code: agency.code, name: agency.name, level: agency.level, parentId: agency.parent_id, active: agency.active },
    parents,
    blockers: await deactivationBlockers(sql, agency.id),
    done,
  };
}

export async function changeAgencyFromForm(request: Request, context: AppLoadContext, id: string | undefined) {
  uuidParam(id);
  const actor = await requireAdmin(request, context);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const { sql } = context.services;
  if (intent === "rename") {
    const values = valuesOf(form, ["name"]);
    const parsed = AgencyRenameSchema.safeParse(values);
    if (!parsed.success) return invalid(fieldErrors(parsed.error), values, { intent });
    const r = await renameAgency(sql, { id: id!, name: parsed.data.name }, actor);
    if (!r.ok) return invalid({ [r.field]: r.error }, values, { intent });
    throw redirect(`/staff/admin/agencies/${id}?done=renamed`);
  }
  if (intent === "move") {
    const values = valuesOf(form, ["parentId"]);
    const parsed = AgencyMoveSchema.safeParse(values);
    if (!parsed.success) return invalid(fieldErrors(parsed.error), values, { intent });
    const r = await moveAgency(sql, { id: id!, parentId: parsed.data.parentId }, actor);
    if (!r.ok) return invalid({ [r.field]: r.error }, values, { intent });
    throw redirect(`/staff/admin/agencies/${id}?done=moved`);
  }
  if (intent === "deactivate") {
    const r = await deactivateAgency(sql, { id: id! }, actor);
    if (!r.ok) return invalid({ _form: r.error }, {}, { intent, blockers: r.blockers ?? null });
    throw redirect(`/staff/admin/agencies/${id}?done=deactivated`);
  }
  return invalid({ _form: "admin.errors.unknownAction" }, {}, { intent });
}

// ---- Importing the tree -------------------------------------------------------------------------------

export const TREE_IMPORT_PATH = "/staff/admin/agencies/import";
/** The import form's whole-body cap (the file, or the confirmed text, plus the form's other fields). */
export const TREE_IMPORT_BODY_LIMIT = TREE_CSV_MAX_BYTES * 2 + 64 * 1024;

export async function loadTreeImport(request: Request, context: AppLoadContext) {
  await requireAdmin(request, context);
  return { columns: TREE_CSV_COLUMNS, maxBytes: TREE_CSV_MAX_BYTES };
}

export type TreeImportView =
  | { stage: "problems"; problems: TreeCsvProblem[] }
  | { stage: "preview"; rows: TreeCsvRow[]; csv: string };

/**
 * Upload → preview (nothing written; the text comes back in the confirm form) → confirm (checked again
 * from scratch, then written in one transaction, or the problems shown and nothing written).
 */
export async function importTreeFromForm(request: Request, context: AppLoadContext) {
  const actor = await requireAdmin(request, context);
  const fileProblem = (error = "admin.import.errors.file") => data<TreeImportView>({ stage: "problems", problems: [{ line: 0, column: null, error }] }, { status: 400 });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: TREE_CSV_MAX_BYTES }));
  } catch (e) {
    if (e instanceof BodyRefused) throw e;
    if (e instanceof MaxPartSizeExceededError) return fileProblem("admin.import.errors.tooLarge");
    if (e instanceof Error) return fileProblem();
    throw e;
  }
  const { sql } = context.services;
  if (form.get("intent") === "confirm") {
    const result = await importTreeCsv(sql, String(form.get("csv") ?? ""), actor);
    if (!result.ok) return data<TreeImportView>({ stage: "problems", problems: result.problems }, { status: 400 });
    throw redirect(`/staff/admin/agencies?done=imported&created=${result.created}&updated=${result.updated}`);
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return fileProblem();
  const csv = decodeCsv(new Uint8Array(await file.arrayBuffer()));
  const checked = await checkTreeCsv(sql, csv);
  if (!checked.ok) return data<TreeImportView>({ stage: "problems", problems: checked.problems }, { status: 400 });
  return data<TreeImportView>({ stage: "preview", rows: checked.rows, csv: csv! });
}

// ---- Staff accounts -----------------------------------------------------------------------------------

export async function loadStaffAccounts(request: Request, context: AppLoadContext) {
  await requireAdmin(request, context);
  return { staff: await listStaffAccounts(context.services.sql) };
}

export async function createStaffFromForm(request: Request, context: AppLoadContext) {
  const actor = await requireAdmin(request, context);
  const form = await request.formData();
  const values = valuesOf(form, ["fullName", "email", "password"]);
  const shown = { ...values, password: "" };
  const parsed = StaffCreateSchema.safeParse(values);
  if (!parsed.success) return invalid(fieldErrors(parsed.error), shown);
  const result = await createStaffAccount(context.services.sql, parsed.data, actor);
  if (!result.ok) return invalid({ [result.field]: result.error }, shown);
  throw redirect(`/staff/admin/staff/${result.id}?done=created`);
}

export async function loadStaffAccount(request: Request, context: AppLoadContext, id: string | undefined) {
  uuidParam(id);
  await requireAdmin(request, context);
  const account = await getStaffAccount(context.services.sql, id!);
  if (!account) throw data(null, { status: 404 });
  return { account, agencies: await agencyOptions(context), roles: STAFF_ROLES, done: new URL(request.url).searchParams.get("done") };
}

export async function changeStaffFromForm(request: Request, context: AppLoadContext, id: string | undefined) {
  uuidParam(id);
  const actor = await requireAdmin(request, context);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const { sql } = context.services;
  if (!(await getStaffAccount(sql, id!))) throw data(null, { status: 404 });
  if (intent === "grant") {
    const values = valuesOf(form, ["agencyId", "role", "reachesSubOffices"]);
    const parsed = RoleGrantSchema.safeParse(values);
    if (!parsed.success) return invalid(fieldErrors(parsed.error), values, { intent });
    const r = await grantRole(sql, { staffId: id!, ...parsed.data }, actor);
    if (!r.ok) return invalid({ [r.field]: r.error }, values, { intent });
    throw redirect(`/staff/admin/staff/${id}?done=granted`);
  }
  if (intent === "remove") {
    const agencyId = String(form.get("agencyId") ?? "");
    const role = String(form.get("role") ?? "") as StaffRole;
    if (!STAFF_ROLES.includes(role) || !/^[0-9a-f-]{36}$/i.test(agencyId)) return invalid({ _form: "admin.errors.notFound" }, {}, { intent });
    const r = await removeRole(sql, { staffId: id!, agencyId, role }, actor);
    if (!r.ok) return invalid({ _form: r.error }, {}, { intent });
    throw redirect(`/staff/admin/staff/${id}?done=removed`);
  }
  if (intent === "revoke") {
    await revokeStaffSessions(sql, { staffId: id! }, actor);
    throw redirect(`/staff/admin/staff/${id}?done=revoked`);
  }
  if (intent === "deactivate") {
    const r = await deactivateStaff(sql, { staffId: id! }, actor);
    if (!r.ok) return invalid({ _form: r.error }, {}, { intent });
    throw redirect(`/staff/admin/staff/${id}?done=deactivated`);
  }
  return invalid({ _form: "admin.errors.unknownAction" }, {}, { intent });
}

// ---- Courts and their API keys ------------------------------------------------------------------------

export async function loadCourts(request: Request, context: AppLoadContext) {
  await requireAdmin(request, context);
  return { courts: await listCourtsForAdmin(context.services.sql), agencies: await agencyOptions(context) };
}

export async function createCourtFromForm(request: Request, context: AppLoadContext) {
  const actor = await requireAdmin(request, context);
  const form = await request.formData();
  const values = valuesOf(form, ["code", "name", "agencyId"]);
  const parsed = CourtCreateSchema.safeParse(values);
  if (!parsed.success) return invalid(fieldErrors(parsed.error), values);
  const result = await createCourt(context.services.sql, parsed.data, actor);
  if (!result.ok) return invalid({ [result.field]: result.error }, values);
  throw redirect(`/staff/admin/courts/${result.id}?done=created`);
}

export async function loadCourt(request: Request, context: AppLoadContext, id: string | undefined) {
  uuidParam(id);
  await requireAdmin(request, context);
  const court = await getCourtForAdmin(context.services.sql, id!);
  if (!court) throw data(null, { status: 404 });
  return { court, agencies: await agencyOptions(context), done: new URL(request.url).searchParams.get("done") };
}

/** The new key is in this answer only (never stored, never in a URL): the page shows it once. */
export async function changeCourtFromForm(request: Request, context: AppLoadContext, id: string | undefined) {
  uuidParam(id);
  const actor = await requireAdmin(request, context);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const { sql } = context.services;
  if (intent === "map") {
    const values = valuesOf(form, ["agencyId"]);
    const parsed = CourtMapSchema.safeParse(values);
    if (!parsed.success) return invalid(fieldErrors(parsed.error), values, { intent, key: null });
    const r = await mapCourt(sql, { courtId: id!, agencyId: parsed.data.agencyId }, actor);
    if (!r.ok) return invalid({ [r.field]: r.error }, values, { intent, key: null });
    throw redirect(`/staff/admin/courts/${id}?done=mapped`);
  }
  if (intent === "issue") {
    const key = await issueCourtKeyByAdmin(sql, { courtId: id! }, actor);
    if (!key) throw data(null, { status: 404 });
    return data({ errors: {} as FieldErrors, values: {} as Values, intent, key }, { headers: { "Cache-Control": "no-store" } });
  }
  if (intent === "revoke") {
    await revokeCourtKeyByAdmin(sql, { courtId: id! }, actor);
    throw redirect(`/staff/admin/courts/${id}?done=revoked`);
  }
  return invalid({ _form: "admin.errors.unknownAction" }, {}, { intent, key: null });
}
