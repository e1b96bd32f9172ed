/**
 * Besides `cases`, the i18n sections that hold the words of every case type (its `content`: states, the party's view, events,
 * clocks). Every page that shows a case of any type (the staff case and event pages, My cases, the lookup)
 * loads them; `case-namespaces.test.ts` fails when a registered case type's words live elsewhere.
 */
export const CASE_TYPE_NAMESPACES = ["complaints", "denunciations", "confirmation", "officerChange"] as const;
