// Every page's path, citizen and staff: the one table server code (redirects, e-mail links, STAFF_AREAS,
// returnTarget defaults, the services list) and app/ links use instead of string literals. A path with
// parameters is a builder: `paths.receipt(code)`, `paths.staff.request(id)`. paths.test.ts checks that
// the table and app/routes name the same pages, both ways (ADR 055).

import { debtorListPath, lookupPath, myCasesPath, servicePath } from "./service-path";

const q = (name: string, value: string) => `?${name}=${encodeURIComponent(value)}`;

const FILING = "/dich-vu/yeu-cau-thi-hanh-an";
const FEES = "/dich-vu/nop-tien";

/** The first segment of pages that take a parameter right after it (for prefix rules: caching, refusals). */
export const PATH_PREFIXES = {
  receipt: "/bien-lai",
  verifyReceipt: "/xac-minh-bien-lai",
  error: "/loi",
  /** Answering a request for information from its e-mailed link (ADR 063). */
  answer: "/tra-loi",
  /** A case e-mail's one-click unsubscribe link (RFC 8058, ADR 068). */
  caseMailOptOut: "/thong-bao/tat",
  /** Public verification of a certificate of enforcement result, and of a receipt of service (ADR 080). */
  verifyCertificate: "/xac-minh-xac-nhan",
  verifyService: "/xac-minh-tong-dat",
} as const;

export const paths = {
  home: "/",
  /** A service's page (the home page's list; the ones not built yet say so). */
  service: servicePath,
  /** POST only: switch the language and go back. */
  language: "/lang",
  /** The localised error page a refused request is sent to (413, 415 …). */
  error: (status: number | string) => `${PATH_PREFIXES.error}/${status}`,

  signIn: "/dang-nhap",
  signInCode: "/dang-nhap/ma",
  /** POST: start signing in with the national e-ID (OpenID Connect). */
  signInOidc: "/dang-nhap/oidc",
  /** The e-ID provider's redirect back. */
  signInOidcReturn: "/dang-nhap/oidc/ve",
  account: "/tai-khoan",
  accountSignOut: "/tai-khoan/dang-xuat",
  accountExtend: "/tai-khoan/gia-han",
  /** My cases (ADR 067): the signed-in citizen's cases, payments, receipts and documents; one case; a decision document of it. */
  myCases: {
    list: myCasesPath,
    case: (reference: string) => `/tai-khoan/ho-so/${encodeURIComponent(reference)}`,
    document: (reference: string, seq: number | string) => `/tai-khoan/ho-so/${encodeURIComponent(reference)}/van-ban/${seq}`,
    /** The filed request's PDF, when the case's procedure keeps one (the enforcement request does). */
    filingPdf: (reference: string) => `/tai-khoan/ho-so/${encodeURIComponent(reference)}/don.pdf`,
  },

  /** The enforcement request journey (steps from server/filing/journey.ts). */
  filing: {
    start: FILING,
    step: (slug: string) => `${FILING}/${slug}`,
    attachments: `${FILING}/tai-lieu`,
    check: `${FILING}/kiem-tra`,
    save: `${FILING}/luu`,
    done: `${FILING}/da-gui`,
    donePdf: `${FILING}/da-gui.pdf`,
    resume: (token: string) => `${FILING}/tiep-tuc/${token}`,
  },

  /** Paying a fee notice. */
  fees: {
    lookup: FEES,
    notice: (token: string) => `${FEES}/thong-bao${q("token", token)}`,
    /** The gateway's return (without a reference) or a payment's result page. */
    result: (txnRef?: string) => `${FEES}/ket-qua${txnRef === undefined ? "" : q("ref", txnRef)}`,
  },

  receipt: (code: string) => `${PATH_PREFIXES.receipt}/${code}`,
  receiptPdf: (code: string) => `${PATH_PREFIXES.receipt}/${code}/pdf`,
  verifyReceipt: (code: string) => `${PATH_PREFIXES.verifyReceipt}/${code}`,
  verifyReceiptJws: (code: string) => `${PATH_PREFIXES.verifyReceipt}/${code}/jws`,
  /** The public verification of a certificate of enforcement result (ADR 077, 080): the form to type its code, one certificate. */
  verifyCertificate: {
    form: PATH_PREFIXES.verifyCertificate,
    code: (code: string) => `${PATH_PREFIXES.verifyCertificate}/${code}`,
    /** The certificate's JWS as signed, for anyone's own check against /.well-known/jwks.json. */
    jws: (code: string) => `${PATH_PREFIXES.verifyCertificate}/${code}/jws`,
  },
  /** The public verification of a signed receipt of service (ADR 080), and its printable PDF. */
  verifyService: (code: string) => `${PATH_PREFIXES.verifyService}/${code}`,
  verifyServicePdf: (code: string) => `${PATH_PREFIXES.verifyService}/${code}/pdf`,
  verifyServiceJws: (code: string) => `${PATH_PREFIXES.verifyService}/${code}/jws`,

  /** Answering the office's request for more information (ADR 063): from the e-mailed link, from the account, and staff's download of an answer's file. */
  answers: {
    link: (token: string) => `${PATH_PREFIXES.answer}/${token}`,
    account: (id: string) => `/tai-khoan/tra-loi/${id}`,
    staffFile: (caseId: string, fileId: string) => `/staff/cases/${caseId}/answers/${fileId}`,
  },

  /** Turning a case's e-mails off (and back on) from the link every case e-mail carries (ADR 068). */
  caseMailOptOut: (token: string) => `${PATH_PREFIXES.caseMailOptOut}/${token}`,
  /**
   * The status lookup without an account (reference + access code, ADR 066). The builder may prefill the
   * reference (`?ma-ho-so=`), never the code: codes are posted, so they stay out of URLs, logs and history.
   */
  lookup: lookupPath,
  /** An organisation's API keys and webhooks with their delivery log (its admins only; ADR 070, 071). */
  organisationApi: {
    keys: (id: string) => `/to-chuc/${id}/khoa-api`,
    webhooks: (id: string) => `/to-chuc/${id}/webhook`,
  },
  /** Organisations (businesses) following many cases (ADR 069): mine, one's cases, one case, members, the bulk lookup. */
  organisations: {
    list: "/to-chuc",
    org: (id: string) => `/to-chuc/${id}`,
    case: (id: string, reference: string) => `/to-chuc/${id}/ho-so/${encodeURIComponent(reference)}`,
    members: (id: string) => `/to-chuc/${id}/thanh-vien`,
    bulk: (id: string) => `/to-chuc/${id}/tra-cuu-hang-loat`,
    bulkRun: (id: string, run: string) => `/to-chuc/${id}/tra-cuu-hang-loat/${run}`,
    bulkCsv: (id: string, run: string) => `/to-chuc/${id}/tra-cuu-hang-loat/${run}.csv`,
  },
  /** The public list of judgment debtors who cannot yet pay (ADR 072): search, and its open data. */
  debtorList: {
    list: debtorListPath,
    csv: `${debtorListPath}.csv`,
    json: `${debtorListPath}.json`,
  },

  /** Development only: the mail kept instead of sent. */
  outbox: "/dev/outbox",

  /** Issue 14: the triage page (ADR 078), the generic procedure pages (ADR 079), feedback's public answers. */
  triage: "/ban-can-lam-gi",
  procedure: {
    step: (slug: string, step: string) => `/dich-vu/${slug}/${step}`,
    check: (slug: string) => `/dich-vu/${slug}/kiem-tra`,
    done: (slug: string) => `/dich-vu/${slug}/da-gui`,
  },
  feedbackAnswers: "/phan-anh-kien-nghi/tra-loi",
  /** Electronic service of documents (ADR 074): the same paths as `servicePaths`. */
  documentService: {
    info: "/dich-vu/tong-dat-van-ban",
    served: (serviceId: string) => `/tong-dat/${serviceId}`,
    /** POST only: opens the served document (the PDF is the answer; the party's first opening is recorded). */
    open: (serviceId: string) => `/tong-dat/${serviceId}/mo`,
    consent: (reference: string) => `/tai-khoan/ho-so/${encodeURIComponent(reference)}/tong-dat`,
    staffCase: (caseId: string) => `/staff/cases/${caseId}/service`,
  },
  staff: {
    home: "/staff",
    signIn: "/staff/sign-in",
    signOut: "/staff/sign-out",
    /** The office's work list (the inbox, docs/decisions/061), its export, one case (the engine's page). */
    cases: "/staff/cases",
    casesExportCsv: "/staff/cases/export.csv",
    casesExportJson: "/staff/cases/export.json",
    case: (id: string) => `/staff/cases/${id}`,
    requests: "/staff/requests",
    request: (id: string) => `/staff/requests/${id}`,
    requestPdf: (id: string) => `/staff/requests/${id}/pdf`,
    requestFile: (id: string, fileId: string) => `/staff/requests/${id}/files/${fileId}`,
    /** The one event page of every case type (workflow, ADR 062): the event's form, then fireEvent. */
    caseEvent: (id: string, event: string) => `/staff/cases/${id}/${event}`,
    /** A case's decision document (PDF) by the seq of the event that issued it. */
    caseDocument: (id: string, seq: number | string) => `/staff/cases/${id}/documents/${seq}`,
    notices: "/staff/notices",
    newNotice: "/staff/notices/new",
    importNotices: "/staff/notices/import",
    receipts: "/staff/receipts",
    receipt: (id: string) => `/staff/receipts/${id}`,
    cancelReceipt: (id: string) => `/staff/receipts/${id}/cancel`,
    reconciliation: "/staff/reconciliation",
    reconciliationRun: (id: string) => `/staff/reconciliation/${id}`,
    reconciliationCsv: (id: string) => `/staff/reconciliation/${id}.csv`,
    refunds: "/staff/refunds",
    refund: (id: string) => `/staff/refunds/${id}`,
    /** Proposing a refund of one payment (`ref`: its transaction reference). */
    newRefund: (txnRef?: string) => `/staff/refunds/new${txnRef === undefined ? "" : q("ref", txnRef)}`,
    /** The second factor after the password: its code, or its set-up (docs/decisions/053). */
    signInCode: "/staff/sign-in/code",
    signInSetUp: "/staff/sign-in/set-up",
    /** Administration (the admin role): the agency tree, its CSV import, staff accounts, courts (docs/decisions/052). */
    admin: "/staff/admin",
    adminAgencies: "/staff/admin/agencies",
    adminAgency: (id: string) => `/staff/admin/agencies/${id}`,
    adminAgenciesImport: "/staff/admin/agencies/import",
    adminStaffList: "/staff/admin/staff",
    adminStaff: (id: string) => `/staff/admin/staff/${id}`,
    adminSecondFactor: (id: string) => `/staff/admin/staff/${id}/second-factor`,
    adminCourts: "/staff/admin/courts",
    adminCourt: (id: string) => `/staff/admin/courts/${id}`,
    /** The working-day calendar's announced days, per year (docs/decisions/059). */
    adminCalendar: "/staff/admin/calendar",
    /** The audit log viewer (heads: their offices; admins: everything). */
    audit: "/staff/audit",
    /** Statistics per office and procedure, with the satisfaction answers, and its CSV (heads: their offices; admins: all; ADR 081). */
    statistics: "/staff/statistics",
    statisticsCsv: "/staff/statistics.csv",
    /** Hand-off to the agency case systems: messages, dead letters and their replay (heads, admins). */
    handoff: "/staff/handoff",
    /** The debtor list (ADR 072): the offices' entries, a new entry from a case, one entry. */
    debtorList: "/staff/debtor-list",
    debtorListNew: (caseId: string) => `/staff/debtor-list/new${q("case", caseId)}`,
    debtorListEntry: (id: string) => `/staff/debtor-list/${id}`,
  },
} as const;

/** `path` with `?name=value&…` (or `&…` when it has a query already), each value URI-encoded; empty values left out. */
export function withQuery(path: string, query: Record<string, string | number | null | undefined>): string {
  const parts = Object.entries(query)
    .filter((e): e is [string, string | number] => e[1] !== null && e[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length ? `${path}${path.includes("?") ? "&" : "?"}${parts.join("&")}` : path;
}

/** Electronic service of documents (tống đạt điện tử, ADR 074): the info page, a served document, the party's consent, the officer's page. */
export const servicePaths = paths.documentService;
