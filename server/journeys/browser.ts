// The browser-safe entry of the journey engine: definitions, routing, schemas and presentation that the
// pages share with the server. Nothing here touches the database, cookies or files.
export {
  defineJourney,
  fieldWording,
  formValues,
  uploadRoutes,
  type Answers,
  type AttachmentRules,
  type FieldDef,
  type FieldKind,
  type Journey,
  type JourneyDefinition,
  type StepDef,
} from "./definition";
export { presenter, type Presenter } from "./present";
export { resumeLinkSchema } from "./resume-schema";
