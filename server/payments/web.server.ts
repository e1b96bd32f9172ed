import {
  data, MaxPartSizeExceededError, redirect, redirectDocument, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData,
} from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { maskIdNumber } from "../../vocabulary/identity";
import { paths, withQuery } from "../../vocabulary/paths";
import { BodyRefused, retryAfterHeader } from "../http";
import type { RouteArgs } from "../http";
import { signNoticeToken, verifyNoticeToken } from "./access.server";
import { CSV_MAX_BYTES } from "./csv";
import { vnpayFor } from "./gateway.server";
import { requireAccountant } from "./guards.server";
import { startCheckout } from "./lifecycle.server";
import { listCourts } from "../agencies";
import { createNoticeByStaff, findNoticeForPayer, getNotice, importNoticesCsv, listNoticesForAccountant, type CsvProblem } from "./notices.server";
import { CheckoutSchema, NoticeLookupSchema, StaffNoticeFormSchema } from "./schemas";

// What the fee-payment routes do (citizen and accountant), so that their route files only call and
// render: each loader and action calls one of these, which returns the page's camelCase view (or the
// `data()` answer with its status, or the redirect the form leads to) or throws a Response (ADR 055).

const EXPIRED = withQuery(paths.fees.lookup, { expired: 1 });

// ---- Citizen: look up a notice, see it and pay, the payment's result --------------------------------

/** The lookup form: whether the visitor came back from a notice link that expired. */
export function loadFeeLookup({ request }: RouteArgs) {
  return { expired: new URL(request.url).searchParams.has("expired") };
}

/** The lookup form posted: on to the notice (by a signed token), or the form error (404, 429 with Retry-After). */
export async function lookUpNotice({ request, context }: RouteArgs) {
  const submission = parseWithZod(await request.formData(), { schema: NoticeLookupSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), retryAfter: 0 }, { status: 400 });
  const found = await findNoticeForPayer(context.services.sql, { ...submission.value, ip: context.clientIp, limits: context.services.config });
  if (!found.ok) {
    const limited = found.reason === "rate-limited";
    return data(
      { result: submission.reply({ formErrors: [limited ? "payments.lookup.rateLimited" : "payments.lookup.notFound"] }), retryAfter: limited ? found.retryAfterSeconds : 0 },
      { status: limited ? 429 : 404, headers: limited ? retryAfterHeader(found.retryAfterSeconds) : {} },
    );
  }
  const token = signNoticeToken(context.services.config.SESSION_SECRET, found.notice.id);
  return redirect(paths.fees.notice(token));
}

/** "Pay": to the gateway (a full document navigation), or the form error. */
export async function payNotice({ request, context }: RouteArgs) {
  const formData = await request.formData();
  const id = verifyNoticeToken(context.services.config.SESSION_SECRET, String(formData.get("token") ?? ""));
  const notice = id ? await getNotice(context.services.sql, { id }) : null;
  if (!notice || notice.status === "cancelled") throw redirect(EXPIRED);
  const submission = parseWithZod(formData, { schema: CheckoutSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const started = await startCheckout(context.services, {
    noticeId: notice.id,
    email: submission.value.email,
    locale: context.locale,
    ip: context.clientIp,
    // The gateway sends the citizen back to this origin when it is one of the portal's own (development).
    origin: new URL(request.url).origin,
  });
  if (!started.ok) {
    return data({ result: submission.reply({ formErrors: [started.reason === "paid" ? "payments.errors.paid" : "payments.notice.notPayable"] }) }, { status: 409 });
  }
  // A full document navigation: the gateway's page is not part of this app.
  return redirectDocument(started.url, 303);
}

// ---- Accountant: the notices of their offices, one by hand, many from a CSV file --------------------

/** The accountant's notices (the payer's ID number masked). */
export async function loadStaffNotices({ request, context }: RouteArgs) {
  const { staff } = await requireAccountant(request, context);
  const notices = await listNoticesForAccountant(context.services.sql, { staffId: staff.id });
  return {
    notices: notices.map((n) => ({
      id: n.id,
      number: n.notice_number,
      court: n.court_name,
      payer: n.payer_name,
      payerId: maskIdNumber(n.payer_id_number),
      amount: n.amount,
      dueDate: n.due_date,
      status: n.status,
      office: n.agency_name,
    })),
  };
}

/** The new-notice form: the accountant's offices and the courts. */
export async function loadNewNotice({ request, context }: RouteArgs) {
  const { agencies } = await requireAccountant(request, context);
  return { agencies, courts: await listCourts(context.services.sql) };
}

/** The new-notice form posted: to the list with the new number, or the form's errors. */
export async function createNotice({ request, context }: RouteArgs) {
  const { staff } = await requireAccountant(request, context);
  const submission = parseWithZod(await request.formData(), { schema: StaffNoticeFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const { agencyId, ...input } = submission.value;
  const result = await createNoticeByStaff(
    context.services.sql,
    { ...input, agencyId },
    { staffId: staff.id, ip: context.clientIp, requestId: context.requestId },
  );
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: { [result.field]: [result.error] } }) }, { status: 400 });
  return redirect(withQuery(paths.staff.notices, { created: result.noticeNumber }));
}

/** The import form: the offices the file may be for. */
export async function loadNoticeImport({ request, context }: RouteArgs) {
  const { agencies } = await requireAccountant(request, context);
  return { agencies };
}

/** The CSV file posted: every row created (to the list with the count), or the problems by line and column. */
export async function importNotices({ request, context }: RouteArgs) {
  const { staff, agencies } = await requireAccountant(request, context);
  const fileProblem = (): { problems: CsvProblem[] } => ({ problems: [{ line: 0, column: null, error: "payments.import.errors.file" }] });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: CSV_MAX_BYTES }));
  } catch (e) {
    // A body cut at its cap is answered 413 by the request handler; any other unreadable upload is a file problem.
    if (e instanceof BodyRefused) throw e;
    if (e instanceof MaxPartSizeExceededError || e instanceof TypeError || e instanceof Error) return data(fileProblem(), { status: 400 });
    throw e;
  }
  const file = form.get("file");
  const agencyId = String(form.get("agencyId") ?? agencies[0]!.id);
  if (!(file instanceof File) || file.size === 0) return data(fileProblem(), { status: 400 });
  const csv = new TextDecoder("utf-8").decode(await file.arrayBuffer());
  const result = await importNoticesCsv(context.services.sql, { csv, agencyId }, { staffId: staff.id, ip: context.clientIp, requestId: context.requestId });
  if (!result.ok) return data({ problems: result.problems }, { status: 400 });
  return redirect(withQuery(paths.staff.notices, { imported: result.created.length }));
}
