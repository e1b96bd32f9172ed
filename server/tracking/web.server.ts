import { data, redirect } from "@remix-run/node";
import type { RouteArgs } from "../http";
import { requireCitizen } from "../accounts";
import { audit } from "../audit";
import { caseDocumentKey, issueCaseDocument } from "../cases";
import { documentResponse, findDocument } from "../documents";
import { paths } from "../../vocabulary/paths";
import { partyRequestPdf } from "../filing";
import { answerAsCitizen, parseSatisfaction, satisfactionFor, satisfactionValues, type SatisfactionOffer } from "../satisfaction";
import { hasFilingPdf, myCaseDocumentEvent, myCaseId, myCasesPage, myCaseView, setMyCaseNotify } from "./my-cases.server";

/**
 * The My cases pages (ADR 067), one server function per loader/action (ADR 055). Every one signs the
 * citizen in first (a staff session is not a citizen's: it is sent to the citizen sign-in) and reads only
 * through the citizen's id, so "not yours" and "does not exist" are the same 404.
 */
const notFound = () => data(null, { status: 404 });

/** `/tai-khoan/ho-so`: what needs the citizen's action, then their cases (paged), payments and documents. */
export async function loadMyCases({ request, context }: RouteArgs) {
  const session = await requireCitizen(request, context);
  const cursor = new URL(request.url).searchParams.get("sau");
  return myCasesPage(context.services.sql, { citizenId: session.citizenId, cursor });
}

/** `/tai-khoan/ho-so/:reference`: one of the citizen's cases. */
export async function loadMyCase({ request, params, context }: RouteArgs) {
  const session = await requireCitizen(request, context);
  const view = await myCaseView(context.services.sql, { citizenId: session.citizenId, reference: params.reference });
  if (!view) throw notFound();
  const q = new URL(request.url).searchParams;
  // The satisfaction question once the case is final (ADR 081): `?cam-on=1` after the answer just given.
  const state = await satisfactionFor(context.services.sql, view);
  const satisfaction: SatisfactionOffer | null =
    state === null ? null : state === "ask" ? { state, problems: [], values: { score: "", comment: "" } } : { state: q.get("cam-on") === "1" ? "thanks" : "answered" };
  return { view, saved: q.get("luu") === "1", satisfaction };
}

export type NotifyResult =
  | { ok: false; error: "choose"; values: { notify: string } }
  | { ok: false; error: "satisfaction"; satisfaction: Extract<SatisfactionOffer, { state: "ask" }> };

/**
 * The case page's POST: `intent=satisfaction` answers the satisfaction question (the citizen's own case,
 * once final; answered twice, recorded once), anything else is the e-mail choice. A success redirects.
 */
export async function submitMyCase(args: RouteArgs): Promise<NotifyResult> {
  const session = await requireCitizen(args.request, args.context);
  const form = await args.request.formData().catch(() => null);
  if (form?.get("intent") !== "satisfaction") return submitMyCaseNotify(args, session.citizenId, form);
  const { sql } = args.context.services;
  const own = await myCaseId(sql, { citizenId: session.citizenId, reference: args.params.reference });
  if (!own) throw notFound();
  const parsed = parseSatisfaction({ score: form.get("score"), comment: form.get("comment") });
  if (!parsed.ok) return { ok: false, error: "satisfaction", satisfaction: { state: "ask", problems: parsed.problems, values: satisfactionValues(form) } };
  const outcome = await answerAsCitizen(sql, { citizenId: session.citizenId, reference: own.reference, input: parsed.value });
  if (outcome === "not-found") throw notFound();
  // Answered now, or before (the first answer stands); not final: the page as it is, without the question.
  throw redirect(`${paths.myCases.case(own.reference)}${outcome === "answered" ? "?cam-on=1" : ""}#hai-long`);
}

/** The e-mail choice of the citizen's own case (cases.notify_applicant; part C's e-mails read it), audited. */
async function submitMyCaseNotify({ params, context }: RouteArgs, citizenId: string, form: FormData | null): Promise<NotifyResult> {
  const session = { citizenId };
  const { sql } = context.services;
  const own = await myCaseId(sql, { citizenId: session.citizenId, reference: params.reference });
  if (!own) throw notFound();
  const value = String(form?.get("notify") ?? "").slice(0, 10);
  if (value !== "on" && value !== "off") return { ok: false, error: "choose", values: { notify: value } };
  const notify = value === "on";
  await sql.begin(async (tx) => {
    if (!(await setMyCaseNotify(tx, { citizenId: session.citizenId, caseId: own.id, notify }))) throw notFound();
    await audit(tx, {
      actorType: "citizen",
      actorId: session.citizenId,
      agencyId: own.agencyId,
      action: notify ? "case.notify.on" : "case.notify.off",
      targetType: "case",
      targetId: own.id,
      ip: context.clientIp,
      requestId: context.requestId,
      details: { reference: own.reference, from: own.notify, to: notify },
    });
  });
  throw redirect(`${paths.myCases.case(own.reference)}?luu=1#thong-bao`);
}

/** `/tai-khoan/ho-so/:reference/van-ban/:seq`: a decision document of a public event of the citizen's own case, audited. */
export async function downloadMyCaseDocument({ request, params, context }: RouteArgs) {
  const session = await requireCitizen(request, context);
  const seq = /^[0-9]{1,7}$/.test(params.seq ?? "") ? Number(params.seq) : NaN;
  if (!Number.isInteger(seq) || seq < 1) throw notFound();
  const { sql } = context.services;
  const found = await myCaseDocumentEvent(sql, { citizenId: session.citizenId, reference: params.reference, seq });
  if (!found) throw notFound();
  const key = caseDocumentKey(found.case.id, seq);
  const ifNoneMatch = request.headers.get("If-None-Match");
  let doc = await findDocument(sql, key, { ifNoneMatch });
  if (!doc) {
    // Not rendered yet (the job is behind): render it now, exactly as the job would; the first stored copy wins.
    await issueCaseDocument(sql, { caseId: found.case.id, eventId: found.eventId, document: found.document });
    doc = await findDocument(sql, key, { ifNoneMatch });
    if (!doc) throw notFound();
  }
  await audit(sql, {
    actorType: "citizen",
    actorId: session.citizenId,
    agencyId: found.case.agencyId,
    action: "case.document.downloaded",
    targetType: "case",
    targetId: found.case.id,
    ip: context.clientIp,
    requestId: context.requestId,
    details: { seq, by: "party" },
  });
  return documentResponse(doc, { disposition: "inline", filename: `${found.case.caseNumber ?? found.case.reference}-${seq}.pdf` });
}

/** `/tai-khoan/ho-so/:reference/don.pdf`: what the citizen filed, as a PDF, when the procedure keeps one; audited. */
export async function downloadMyFilingPdf({ request, params, context }: RouteArgs) {
  const session = await requireCitizen(request, context);
  const { sql } = context.services;
  const own = await myCaseId(sql, { citizenId: session.citizenId, reference: params.reference });
  if (!own || !hasFilingPdf(own.caseType)) throw notFound();
  await audit(sql, {
    actorType: "citizen",
    actorId: session.citizenId,
    agencyId: own.agencyId,
    action: "case.filing-pdf.downloaded",
    targetType: "case",
    targetId: own.id,
    ip: context.clientIp,
    requestId: context.requestId,
    details: { reference: own.reference },
  });
  return partyRequestPdf(sql, { requestId: own.submissionId, locale: context.locale === "en" ? "en" : "vi", ifNoneMatch: request.headers.get("If-None-Match"), baseUrl: context.services.config.BASE_URL });
}
