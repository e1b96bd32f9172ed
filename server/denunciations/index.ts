// The public entry of server/denunciations (tố cáo, issue 14 item 4, docs/decisions/076): the case type,
// the denouncer's identity kept apart and its one reader, and the staff section's redaction.
import { registerDenunciationSection } from "./identity.server";
// Registers the journey with the generic procedure pages (`/dich-vu/to-cao`, sign-in required).
import "./procedure.server";

export { DENUNCIATION_CASE, DENUNCIATION_ROLES } from "./case-type";
export { fileDenunciation, denouncerFor, handlesAt, DENOUNCER_LABEL, type DenouncerIdentity, type DenunciationSection } from "./identity.server";

registerDenunciationSection();
export * from "./browser";
export { type DenunciationAnswers } from "./journey";
export { denunciationEngine, submitDenunciation } from "./procedure.server";
