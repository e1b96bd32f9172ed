// The browser-safe entry of server/filing: schemas, types and constants that app/ uses in the browser.
// It and everything it imports stay free of *.server.* files and Node built-ins (npm run lint:deps).
export {
  DECISION_WORKING_DAYS,
  DOCUMENT_TYPES,
  type FieldDef,
  fieldWording,
  MAX_FILE_BYTES,
  MAX_FILES,
  pathFor,
  SERVICE_PATH,
  stepById,
  stepBySlug,
  stepPath,
  timeLimitYears,
  ResumeLinkSchema,
} from "./journey";
export { fieldLabel, presentAnswer } from "./present";
export type { RequestSection, SubmittedRequest } from "./request-view";
