import { data, redirect } from "@remix-run/node";
import type { RouteArgs } from "../http";
import { uuidParam } from "../http";
import { currentCitizen, currentStaff, requireCitizen, requireStaff } from "../accounts";
import { audit } from "../audit";
import { listCaseDocuments, loadCase } from "../cases";
import { myCaseId } from "../tracking";
import { ruleFor } from "../deadlines";
import { servicePaths } from "../../vocabulary/paths";
import { paths } from "../../vocabulary/paths";
import { giveConsent, liveConsent, withdrawConsent } from "./consent.server";
import { openServedDocument, paperServiceDue, serviceProof, servicesOfCase, type ServiceProof, type ServiceViewer } from "./open.server";
import { recordPaperService, serveDocument, SERVICE_OPEN_RULE } from "./serve.server";
import { checkServiceReceipt, issueServiceReceipt, printedCode, serviceReceiptCodes } from "./receipt.server";
import { renderServiceReceiptPdf } from "./receipt-pdf.server";
import { JWKS_PATH } from "../receipts";
import { serverT } from "../../vocabulary/i18n/resources.server";

/** The pages of electronic service (ADR 074), one server function per loader/action (ADR 055). */
const notFound = () => data(null, { status: 404 });
const iso = (p: ServiceProof) => ({
  id: p.id,
  reference: p.reference,
  document: p.document,
  documentSeq: p.documentSeq,
  method: p.method,
  paperMethod: p.paperMethod,
  sha256: p.sha256,
  servedAt: p.servedAt.toISOString(),
  dueOn: p.dueOn,
  openedAt: p.openedAt?.toISOString() ?? null,
  openedSha256: p.openedSha256,
  bouncedAt: p.bouncedAt?.toISOString() ?? null,
});
export type ServiceProofView = ReturnType<typeof iso> & { receiptCode: string | null };

/** The proofs with the code of their signed receipt of service (ADR 080), issuing the ones now complete. */
async function withReceipts(context: RouteArgs["context"], proofs: ServiceProof[]): Promise<ServiceProofView[]> {
  const codes = await serviceReceiptCodes(context.services.sql, context.services.config, proofs.map((p) => p.id));
  return proofs.map((p) => ({ ...iso(p), receiptCode: codes[p.id] ?? null }));
}

async function signedInViewer(request: Request, context: RouteArgs["context"]): Promise<ServiceViewer | null> {
  const staff = await currentStaff(request, context);
  if (staff) return { type: "staff", staffId: staff.id };
  const citizen = await currentCitizen(request, context);
  return citizen ? { type: "citizen", citizenId: citizen.citizenId } : null;
}

/** The info page `/dich-vu/tong-dat-van-ban`: what it is, who may use it, how long (the rule's period). */
export function loadServiceInfo() {
  const rule = ruleFor(SERVICE_OPEN_RULE, new Date());
  return { days: rule.amount, basis: rule.basis };
}

/**
 * `/tong-dat/:id`: the proof of service (time, hash, first opening) for the party signed in or the office;
 * anyone else (signed out) sees the lookup-pair form (after a wrong pair: its message, the reference kept,
 * 400); a signed-in stranger gets the 404 everyone gets.
 */
export async function loadServedPage({ request, params, context }: RouteArgs) {
  const id = uuidParam(params.id);
  const viewer = await signedInViewer(request, context);
  if (!viewer) {
    const query = new URL(request.url).searchParams;
    const wrongPair = query.get(WRONG_PAIR) === "1";
    const page = { proof: null, needPair: true as const, openPath: servicePaths.open(id), wrongPair, reference: wrongPair ? (query.get(REFERENCE) ?? "").slice(0, 40) : "" };
    return data(page, { status: wrongPair ? 400 : 200 });
  }
  const proof = await serviceProof(context.services.sql, id, viewer);
  if (!proof) throw notFound();
  const [view] = await withReceipts(context, [proof]);
  return data({ proof: view!, viewer: proof.viewer, needPair: false as const, openPath: servicePaths.open(id), wrongPair: false, reference: "" });
}

/** The served page's query after a wrong pair: the flag, and the reference typed (never the code). */
const WRONG_PAIR = "sai";
const REFERENCE = "ma-ho-so";

/**
 * POST `/tong-dat/:id/mo` (a resource route, so that the PDF itself is the answer): opens the document for
 * the signed-in party or office, or for the lookup pair posted. A wrong pair goes back to the page with its
 * message and the reference typed (the code is never put in a URL); anyone else is sent to the page, which
 * answers them the same 404 as for a document that does not exist.
 */
export async function openServedFromForm({ request, params, context }: RouteArgs): Promise<Response> {
  const id = uuidParam(params.id);
  const form = await request.formData().catch(() => null);
  const reference = String(form?.get("reference") ?? "").slice(0, 40);
  const accessCode = String(form?.get("accessCode") ?? "").slice(0, 64);
  const viewer = (await signedInViewer(request, context)) ?? { type: "lookup" as const, reference, accessCode };
  const opened = await openServedDocument(context.services.sql, id, viewer);
  if (!opened) {
    if (viewer.type === "lookup") return redirect(`${servicePaths.served(id)}?${WRONG_PAIR}=1&${REFERENCE}=${encodeURIComponent(reference)}`, 303);
    return redirect(servicePaths.served(id), 303);
  }
  await audit(context.services.sql, {
    actorType: viewer.type === "staff" ? "staff" : viewer.type === "citizen" ? "citizen" : "anonymous",
    actorId: viewer.type === "staff" ? viewer.staffId : viewer.type === "citizen" ? viewer.citizenId : null,
    action: "service.document-opened",
    targetType: "document_service",
    targetId: id,
    ip: context.clientIp,
    requestId: context.requestId,
    details: { sha256: opened.sha256, party: opened.viewer === "party" },
  });
  // The party's opening completes the proof: it is signed now (ADR 080), once.
  if (opened.viewer === "party") await issueServiceReceipt(context.services.sql, context.services.config, { serviceId: opened.proof.id });
  return new Response(new Uint8Array(opened.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${opened.proof.reference}-${opened.proof.documentSeq}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}

export type ConsentFormResult = { ok: false; error: "email"; values: { email: string } };

/** The party's consent on their own case: `/tai-khoan/ho-so/:reference/tong-dat` (loader: the state; action: give/withdraw). */
export async function loadMyConsent({ request, params, context }: RouteArgs) {
  const session = await requireCitizen(request, context);
  const own = await myCaseId(context.services.sql, { citizenId: session.citizenId, reference: params.reference });
  if (!own) throw notFound();
  const consent = await liveConsent(context.services.sql, own.id);
  // Electronic services (the party opens them here) and paper ones (their signed receipt of service only).
  const services = await withReceipts(context, await servicesOfCase(context.services.sql, own.id));
  return { reference: own.reference, consent: consent ? { email: consent.email, givenAt: consent.givenAt.toISOString() } : null, services };
}

export async function submitMyConsent({ request, params, context }: RouteArgs): Promise<ConsentFormResult> {
  const session = await requireCitizen(request, context);
  const { sql } = context.services;
  const own = await myCaseId(sql, { citizenId: session.citizenId, reference: params.reference });
  if (!own) throw notFound();
  const form = await request.formData().catch(() => null);
  const intent = String(form?.get("intent") ?? "");
  const party = { caseId: own.id, citizenId: session.citizenId, provedBy: "account" as const, ip: context.clientIp, requestId: context.requestId };
  if (intent === "withdraw") {
    await withdrawConsent(sql, party);
  } else {
    const email = String(form?.get("email") ?? "").slice(0, 320);
    const given = await giveConsent(sql, { ...party, email });
    if (!given.ok) {
      if (given.reason === "invalid-email") return { ok: false, error: "email", values: { email } };
      throw notFound();
    }
  }
  throw redirect(`${servicePaths.consent(own.reference)}?luu=1`);
}

/** The officer's service page of a case: its documents, the consent, what was served (time, hash, opening), paper due. */
export async function loadStaffService({ request, params, context }: RouteArgs) {
  const caseId = uuidParam(params.id);
  const staff = await requireStaff(request, context);
  const { sql } = context.services;
  const loaded = await loadCase(sql, { caseId, staffId: staff.id });
  if (!loaded) throw notFound();
  const [documents, consent, services, paperDue] = await Promise.all([
    listCaseDocuments(sql, { caseId, caseType: loaded.case.caseType }),
    liveConsent(sql, caseId),
    servicesOfCase(sql, caseId),
    paperServiceDue(sql, caseId),
  ]);
  return {
    caseId,
    reference: loaded.case.reference,
    casePath: paths.staff.case(caseId),
    consent: consent ? { email: consent.email, givenAt: consent.givenAt.toISOString() } : null,
    documents: documents.filter((d) => d.issued).map((d) => ({ seq: d.seq, document: d.document, event: d.event, at: d.at.toISOString() })),
    services: await withReceipts(context, services),
    paperDue: paperDue.map((p) => p.documentSeq),
  };
}

export type StaffServiceResult = { ok: false; error: string; values: Record<string, string> };

export async function submitStaffService({ request, params, context }: RouteArgs): Promise<StaffServiceResult> {
  const caseId = uuidParam(params.id);
  const staff = await requireStaff(request, context);
  const form = await request.formData().catch(() => null);
  const intent = String(form?.get("intent") ?? "");
  const seq = Number(String(form?.get("seq") ?? "").slice(0, 8));
  const { sql } = context.services;
  const meta = { ip: context.clientIp, requestId: context.requestId };
  if (intent === "paper") {
    const servedOn = String(form?.get("servedOn") ?? "").slice(0, 10);
    const method = String(form?.get("method") ?? "").slice(0, 10);
    if (method !== "direct" && method !== "post" && method !== "posting") return { ok: false, error: "invalid-date", values: { seq: String(seq), servedOn, method } };
    const r = await recordPaperService(sql, { caseId, seq, staffId: staff.id, servedOn, method, ...meta });
    if (!r.ok) {
      if (r.reason === "not-found") throw notFound();
      return { ok: false, error: r.reason, values: { seq: String(seq), servedOn, method } };
    }
    // Service on paper is complete when recorded: its receipt of service is signed now (ADR 080).
    await issueServiceReceipt(sql, context.services.config, { serviceId: r.serviceId });
  } else {
    const r = await serveDocument(sql, { caseId, seq, actor: { type: "staff", staffId: staff.id }, ...meta });
    if (!r.ok) {
      if (r.reason === "not-found") throw notFound();
      return { ok: false, error: r.reason, values: { seq: String(seq) } };
    }
  }
  throw redirect(`${servicePaths.staffCase(caseId)}?luu=1`);
}

const NOT_INDEXED = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

/**
 * The public verification page of a receipt of service, `/xac-minh-tong-dat/:code` (ADR 080): the signature
 * checked with the published keys (the receipts' key set), and what was signed. An unknown or malformed
 * code: 404 with `check: null` (the page says so in the visitor's language), never an error.
 */
export async function loadServiceReceiptCheck({ params, context }: RouteArgs) {
  const jwksUrl = `${context.services.config.BASE_URL}${JWKS_PATH}`;
  const check = await checkServiceReceipt(context.services.sql, context.services.config, { code: String(params.code ?? "").slice(0, 64) });
  if (!check) return data({ check: null, jwksUrl }, { status: 404, headers: NOT_INDEXED });
  return data(
    {
      check: {
        code: check.code,
        printedCode: printedCode(check.code),
        verdict: check.verdict,
        kid: check.verdict === "valid" ? check.kid : null,
        issuer: check.verdict === "valid" ? check.issuer : null,
        receipt: check.verdict === "valid" ? check.receipt : null,
        pdf: check.verdict === "valid" ? paths.verifyServicePdf(check.code) : null,
        jws: paths.verifyServiceJws(check.code),
      },
      jwksUrl,
    },
    { headers: NOT_INDEXED },
  );
}

/** The receipt of service as a PDF in the visitor's language, from its verified claims (404 unless it verifies). */
export async function serviceReceiptPdfResponse({ params, context }: RouteArgs) {
  const check = await checkServiceReceipt(context.services.sql, context.services.config, { code: String(params.code ?? "").slice(0, 64) });
  if (!check || check.verdict !== "valid") {
    return new Response(serverT(context.locale)("service.verify.notFoundTitle"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", ...NOT_INDEXED } });
  }
  const bytes = await renderServiceReceiptPdf({
    receipt: check.receipt,
    kid: check.kid,
    verifyUrl: `${context.services.config.BASE_URL}${paths.verifyService(check.code)}`,
    locale: context.locale,
  });
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="bien-nhan-tong-dat-${check.receipt.reference}.pdf"`,
      ...NOT_INDEXED,
    },
  });
}

/** The receipt of service's JWS as signed (`/xac-minh-tong-dat/:code/jws`), for anyone's own check against the published keys. */
export async function serviceReceiptJwsResponse({ params, context }: RouteArgs) {
  const check = await checkServiceReceipt(context.services.sql, context.services.config, { code: String(params.code ?? "").slice(0, 64) });
  if (!check) return new Response(serverT(context.locale)("service.verify.notFoundTitle"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", ...NOT_INDEXED } });
  return new Response(check.jws, {
    headers: { "Content-Type": "application/jose", "Content-Disposition": `attachment; filename="bien-nhan-tong-dat-${check.code}.jws"`, ...NOT_INDEXED },
  });
}
