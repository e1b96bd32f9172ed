import { LEGAL_RULES, type LegalRule, type RuleUnit } from "../../server/deadlines/browser";
import { debtorListPath, lookupPath, servicePath } from "../../vocabulary/service-path";

/**
 * The triage page's procedures (ADR 078), in the order a citizen meets them. Each names the LEGAL_RULES row
 * that says how long the office has (`rule`), or none when the portal answers at once (paying, the debtor
 * list, the lookup) or the law sets no period the portal counts. The words live in i18n `triage.procedures.<key>`;
 * the duration is never typed into them: the page reads the version of the rule in force today.
 */
export const TRIAGE_PROCEDURES = [
  { key: "request", href: servicePath("yeu-cau-thi-hanh-an"), rule: "enforcement.decide-request" },
  { key: "pay", href: servicePath("nop-tien"), rule: null },
  { key: "service", href: servicePath("tong-dat-van-ban"), rule: "enforcement.notify-documents" },
  { key: "complaint", href: servicePath("khieu-nai"), rule: "complaint.accept" },
  { key: "denunciation", href: servicePath("to-cao"), rule: "denunciation.accept" },
  { key: "feedback", href: servicePath("phan-anh-kien-nghi"), rule: null },
  { key: "confirmation", href: servicePath("xac-nhan-ket-qua"), rule: "result-confirmation.issue" },
  { key: "officer", href: servicePath("thay-doi-chap-hanh-vien"), rule: "officer-change.decide" },
  { key: "debtorList", href: debtorListPath, rule: null },
  { key: "lookup", href: lookupPath(), rule: null },
] as const;

export type TriageKey = (typeof TRIAGE_PROCEDURES)[number]["key"];

/** The groups of the page: the complaint group is what the home page's "khiếu nại, tố cáo" card leads to. */
export const TRIAGE_GROUPS = [
  { id: "thi-hanh-an", keys: ["request", "pay", "service"] },
  { id: "khieu-nai-to-cao", keys: ["complaint", "denunciation", "feedback"] },
  { id: "sau-thi-hanh-an", keys: ["confirmation", "officer"] },
  { id: "tra-cuu", keys: ["debtorList", "lookup"] },
] as const satisfies readonly { id: string; keys: readonly TriageKey[] }[];

export type TriageDuration = { amount: number; unit: RuleUnit; basis: { vi: string; en: string } } | null;

export type TriageEntry = { key: TriageKey; href: string; duration: TriageDuration };

/** The version of `id` in force on `day` (YYYY-MM-DD) among `rules` (the same choice as deadlines' ruleFor). */
function inForce(rules: readonly LegalRule[], id: string, day: string): LegalRule {
  const found = rules.find((r) => r.id === id && r.effectiveFrom <= day && (r.effectiveTo === undefined || day <= r.effectiveTo));
  if (!found) throw new Error(`no version of legal rule ${id} is in force on ${day}`);
  return found;
}

/** Every procedure with the period in force on `day` (Asia/Ho_Chi_Minh YYYY-MM-DD); `rules` is LEGAL_RULES but for tests. */
export function triageEntries(day: string, rules: readonly LegalRule[] = LEGAL_RULES): TriageEntry[] {
  return TRIAGE_PROCEDURES.map((p) => {
    if (!p.rule) return { key: p.key, href: p.href, duration: null };
    const r = inForce(rules, p.rule, day);
    return { key: p.key, href: p.href, duration: { amount: r.amount, unit: r.unit, basis: r.basis } };
  });
}
