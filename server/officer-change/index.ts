// The public entry of server/officer-change (issue 14 item 7, ADR 077): the case type of a request to change
// the enforcement officer, and the head's decision that moves the related enforcement case to the new officer.
export { OFFICER_CHANGE_CASE } from "./case-type";
export { decideOfficerChange, type OfficerChangeDecision } from "./decide.server";
export { OFFICER_CHANGE_GROUNDS, groundsInForce, type OfficerChangeGround } from "./grounds";
export { OFFICER_CHANGE_JOURNEY, type OfficerChangeStep } from "./journey";
export { officerChangeEngine } from "./journey.server";

import { registerProcedureSection } from "../submissions";
import { OFFICER_CHANGE_CASE as SECTION_CASE } from "./case-type";
// The staff case page shows the submission (ADR 073).
registerProcedureSection(SECTION_CASE);
