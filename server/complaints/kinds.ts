/**
 * What a complaint is about (issue 14 item 3, docs/decisions/075): the kind of decision or act complained
 * of, from the table of the enforcement law's complaints regime (art. 140, 146; ../shared/legal-rules.md),
 * and the LEGAL_RULES row of each period. No day count here: every period is a rule in server/deadlines.
 * Pure: shared with the browser.
 */
export const COMPLAINT_KINDS = ["before-measures", "account-freeze", "other-security", "coercive", "after-coercion", "other-acts"] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** Whose decision or act: an officer, the head of a district/regional office, the head of a provincial office. */
export const COMPLAINED_OF = ["officer", "district-head", "provincial-head"] as const;
export type ComplainedOf = (typeof COMPLAINED_OF)[number];

/**
 * The rule table's row for a kind. "Other acts" of an officer or an office have no row of their own in the
 * table: art. 140 counts them like the decisions and acts before security or coercive measures (15 days),
 * an assumption recorded in ADR 075 to check against the gazette.
 */
const ROW: Record<ComplaintKind, Exclude<ComplaintKind, "other-acts">> = {
  "before-measures": "before-measures",
  "account-freeze": "account-freeze",
  "other-security": "other-security",
  coercive: "coercive",
  "after-coercion": "after-coercion",
  "other-acts": "before-measures",
};

/** The time limit to complain (art. 140): a first complaint by kind, a second one 15 days from the first decision. */
export function fileRuleId(kind: ComplaintKind, round: "first" | "second"): string {
  return round === "second" ? "complaint.file-second" : `complaint.file.${ROW[kind]}`;
}

/**
 * The resolution period of a first complaint by kind (art. 146), for the case type's `resolve` clock
 * (`ruleByField` on the accept event's field `kind`). Other security measures: final at the first level with
 * no period in the table; the clock falls back to the case type's default rule (ADR 075).
 */
export const FIRST_RESOLUTION_RULES: Readonly<Record<string, string>> = {
  "before-measures": "complaint.resolve-first.before-measures",
  "account-freeze": "complaint.resolve-first.account-freeze",
  coercive: "complaint.resolve-first.coercive",
  "after-coercion": "complaint.resolve-first.after-coercion",
  "other-acts": "complaint.resolve-first.before-measures",
};

/** The resolution period of a second complaint by kind (art. 146). */
export const SECOND_RESOLUTION_RULES: Readonly<Record<string, string>> = {
  "before-measures": "complaint.resolve-second.before-measures",
  coercive: "complaint.resolve-second.coercive",
  "after-coercion": "complaint.resolve-second.after-coercion",
  "other-acts": "complaint.resolve-second.before-measures",
};

/** The accept event's `kind` field: the kind, prefixed `second:` for a second complaint. */
export const RESOLUTION_RULES: Readonly<Record<string, string>> = {
  ...FIRST_RESOLUTION_RULES,
  ...Object.fromEntries(Object.entries(SECOND_RESOLUTION_RULES).map(([k, v]) => [`second:${k}`, v])),
};
export const RESOLUTION_KEYS = Object.keys(RESOLUTION_RULES) as [string, ...string[]];
