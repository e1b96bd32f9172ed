import type { Translation } from "../types";
import type status from "./status.vi";

const en: Translation<typeof status> = {
  heading: "Case status",
  reference: "Reference",
  procedure: "Procedure",
  state: "Status",
  nextStep: "What happens next",
  actionNeeded: "Action needed",
  caseNumber: "Case number",
  office: "Office in charge",
  officeAddress: "Address",
  officePhone: "Phone",
  officer: "Enforcement officer",
  noOfficer: "Not yet assigned",
  applicant: "Filed by",
  otherParty: "Judgment debtor",
  receivedAt: "Received on",
  updatedAt: "Last updated",
  timelineHeading: "What has happened",
  timelineEmpty: "Nothing has happened yet.",
  deadlinesHeading: "Running deadlines",
  deadlinesNone: "No deadline is running.",
  maskedNote: "Names are partly hidden to protect personal data.",
};
export default en;
