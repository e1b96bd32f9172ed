// The browser-safe entry of server/cases: case-type definitions, the registry and the search normalisation.
// It and everything it imports stay free of *.server.* files and Node built-ins (npm run lint:deps).
export {
  defineCaseType,
  notifiesParties,
  type CaseActor,
  type CaseEventDef,
  type CaseFieldDef,
  type CaseType,
  type CaseTypeDefinition,
  type ClockDef,
  type ClockEffect,
  type EventCheckContext,
} from "./definition";
export { CASE_TYPES, caseTypeById, registerCaseType } from "./registry";
export { normaliseForSearch, searchTextOf } from "./search";
