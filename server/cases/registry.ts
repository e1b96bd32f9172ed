import type { CaseType } from "./definition";

/**
 * Every case type the engine runs (docs/decisions/058-case-types-as-data.md). A procedure's domain defines
 * its case type in its own file and registers it there (`registerCaseType(defineCaseType({...}))`), so the
 * engine never imports a procedure (filing imports cases, never the other way). The composition root
 * imports every domain, so every case type is registered before the first request or job; a case whose
 * type is not registered is an error at once, never a silent "not found". Pure: shared with the browser.
 */
export const CASE_TYPES: CaseType[] = [];

export function registerCaseType<T extends CaseType<string, string>>(type: T): T {
  const existing = CASE_TYPES.find((t) => t.id === type.id);
  if (existing && existing !== (type as CaseType)) throw new Error(`case type ${type.id} is registered twice`);
  if (!existing) CASE_TYPES.push(type as CaseType);
  return type;
}

/** The case type with this id (as stored in `cases.case_type`); throws for one that no domain registered. */
export function caseTypeById(id: string): CaseType {
  const found = CASE_TYPES.find((t) => t.id === id);
  if (!found) throw new Error(`case type ${id} is not registered (is its domain's entry imported by the composition root?)`);
  return found;
}
