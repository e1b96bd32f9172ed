// The public entry of server/cases: what other domains, the composition root (server/*.ts), app/server/ and
// tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md). The workflow
// engine for every case type (docs/decisions/058-case-types-as-data.md).
export * from "./browser";
export {
  openCase,
  fireEvent,
  fireEventIn,
  allocateCaseNumber,
  staffRolesOf,
  type OpenCaseInput,
  type OpenedCase,
  type FireEventInput,
  type FireEventResult,
  type RefusalReason,
} from "./engine.server";
export { loadCase, caseViewerRoles, type CaseRow, type CaseEventRow, type CaseTimelineRow, type LoadedCase } from "./load.server";
export { caseClocks, type CaseClockView } from "./clocks.server";
