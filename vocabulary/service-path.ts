// A citizen service's page (`/dich-vu/<slug>`), on its own so that the home page, which links every
// service and nothing else, does not ship the whole paths table (vocabulary/paths.ts uses this too).
export const servicePath = (slug: string) => `/dich-vu/${slug}`;

/**
 * The status lookup without an account (ADR 066), here for the same reason (paths.lookup is this): it may
 * prefill the reference (`?ma-ho-so=`), never the access code.
 */
export const lookupPath = (reference?: string) => `/tra-cuu${reference ? `?ma-ho-so=${encodeURIComponent(reference)}` : ""}`;

/** The public list of judgment debtors who cannot yet pay (ADR 072), linked from the home page (paths.debtorList.list is this). */
export const debtorListPath = "/danh-sach-chua-co-dieu-kien-thi-hanh";

/** My cases (ADR 067), linked from every page's nav: here so the page shell does not ship the paths table (paths.myCases.list is this). */
export const myCasesPath = "/tai-khoan/ho-so";

/** The triage page "Bạn cần làm gì?" (ADR 078): every procedure in one sentence, linked from the home page (paths.triage is this). */
export const triagePath = "/ban-can-lam-gi";
