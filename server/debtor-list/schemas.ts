import { z } from "zod";
import { fieldMessage, text, textProblem, tooLong } from "../validation";

// The forms of the debtor list (docs/decisions/072-debtor-list.md): the entry (the fields Circular 04/2023
// art. 4 lists, plus the decision that the debtor has no conditions), the removal, and the public search.
// Messages are i18n keys (app/components/forms.tsx translateError).

const L = (f: string) => `debtorList.fields.${f}`;
const required = (f: string) => fieldMessage("debtorList.errors.required", { field: L(f) });
const line = (f: string, max: number) => text({ label: L(f), error: required(f) }).trim().min(1, { error: required(f) }).max(max, { error: tooLong(L(f), max) });
const para = (f: string, max: number) =>
  text({ label: L(f), multiline: true, error: required(f) }).trim().min(1, { error: required(f) }).max(max, { error: tooLong(L(f), max) });
const day = (f: string) =>
  z
    .string({ error: required(f) })
    .trim()
    .min(1, { error: required(f) })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: fieldMessage("debtorList.errors.date", { field: L(f) }) })
    .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v, {
      error: fieldMessage("debtorList.errors.date", { field: L(f) }),
    });

export const ENTRY_FIELDS = ["debtorName", "debtorAddress", "judgment", "enforcementDecision", "obligation", "reason", "decidedOn", "decisionBasis"] as const;

export const EntrySchema = z.object({
  debtorName: line("debtorName", 200),
  debtorAddress: line("debtorAddress", 500),
  judgment: line("judgment", 500),
  enforcementDecision: line("enforcementDecision", 500),
  obligation: para("obligation", 1000),
  reason: para("reason", 1000),
  decidedOn: day("decidedOn"),
  decisionBasis: line("decisionBasis", 500),
});
export type EntryInput = z.infer<typeof EntrySchema>;

/** An edit: the entry's fields, the day the information changed (the change-by date counts from it), the version seen. */
export const EditSchema = EntrySchema.extend({
  changedOn: day("changedOn"),
  version: z.coerce.number().int().min(0).max(1_000_000_000),
});
export type EditInput = z.infer<typeof EditSchema>;

export const REMOVAL_GROUNDS = ["case-ended", "conditions-changed", "decision-withdrawn"] as const;
export type RemovalGround = (typeof REMOVAL_GROUNDS)[number];

export const RemovalSchema = z.object({
  ground: z.enum(REMOVAL_GROUNDS, { error: fieldMessage("debtorList.errors.ground", { field: L("ground") }) }),
  groundOn: day("groundOn"),
  version: z.coerce.number().int().min(0).max(1_000_000_000),
});
export type RemovalInput = z.infer<typeof RemovalSchema>;

/** What the public search may be given: longer text is refused with a message, never searched. */
export const SEARCH_MAX = 100;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A keyset cursor: (search_name, id) for the list by name, (suffix, search_name, id) for a name search. */
export type Cursor = [string, string] | [string, string, string];
export type PublicQuery = { q: string; needle: string; office: string | null; province: string | null; after: Cursor | null };
export type PublicQueryErrors = Partial<Record<"q" | "office" | "province" | "after", string>>;

/** The cursor of a keyset page (the last row's key), base64url JSON. */
export function encodeCursor(key: Cursor): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}
const NORMALISED = (v: unknown): v is string => typeof v === "string" && v.length <= 200 && /^[a-z0-9 ]*$/.test(v);
function decodeCursor(text: string): Cursor | null {
  if (text.length > 800 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  try {
    const v: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (!Array.isArray(v) || (v.length !== 2 && v.length !== 3)) return null;
    const id: unknown = v[v.length - 1];
    if (typeof id !== "string" || !UUID.test(id) || !v.slice(0, -1).every(NORMALISED)) return null;
    return v.length === 2 ? [v[0] as string, id] : [v[0] as string, v[1] as string, id];
  } catch {
    /* refused below */
  }
  return null;
}

/**
 * The public search's query string, never throwing: q (name, any diacritics and case, at most SEARCH_MAX
 * characters, no control characters), office, province (ids), after (a cursor). A bad part is an error
 * message (i18n key) and is left out of the search; what was typed is given back for the form.
 */
export function parsePublicQuery(params: URLSearchParams, normalise: (s: string) => string): { query: PublicQuery; errors: PublicQueryErrors } {
  const errors: PublicQueryErrors = {};
  const raw = params.get("q") ?? "";
  let q = raw.trim();
  let needle = "";
  if (q.length > SEARCH_MAX) {
    errors.q = "debtorList.errors.searchTooLong";
    q = q.slice(0, SEARCH_MAX);
  } else if (textProblem(q, false) !== null) {
    errors.q = "debtorList.errors.searchControlChars";
  } else {
    needle = normalise(q);
  }
  const id = (name: "office" | "province") => {
    const v = (params.get(name) ?? "").trim();
    if (v === "") return null;
    if (!UUID.test(v)) {
      errors[name] = `debtorList.errors.${name}`;
      return null;
    }
    return v.toLowerCase();
  };
  const office = id("office");
  const province = id("province");
  const afterText = params.get("after") ?? "";
  const after = afterText === "" ? null : decodeCursor(afterText);
  if (afterText !== "" && !after) errors.after = "debtorList.errors.cursor";
  // Shown back in the form: without control characters (they are refused, not echoed).
  // eslint-disable-next-line no-control-regex
  return { query: { q: q.replace(/[\u0000-\u001f\u007f-\u009f]/g, ""), needle, office, province, after }, errors };
}
