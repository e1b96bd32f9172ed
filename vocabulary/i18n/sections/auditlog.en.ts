import type { Translation } from "../types";
import type auditlog from "./auditlog.vi";

const en: Translation<typeof auditlog> = {
  title: "Audit log",
  lead: "Everything staff, citizens and the system did, newest first. Heads of office see the entries of the offices they lead; administrators see everything.",
  filters: "Filter the log",
  person: "Person",
  personHint: "A staff member's e-mail or name (part of it will do).",
  office: "Office",
  anyOffice: "All offices",
  action: "Action",
  anyAction: "All actions",
  from: "From",
  to: "To",
  dateHint: "Day/month/year, for example 01/12/2026.",
  apply: "Filter",
  clear: "Clear filters",
  at: "Time",
  target: "Target",
  ip: "IP address",
  details: "Details",
  empty: "No entries match the filters.",
  older: "Older entries",
  newest: "Back to the newest",
  actors: { staff: "Staff", citizen: "Citizen", system: "System", anonymous: "Visitor", api_key: "Organisation API key" },
  errors: {
    dateInvalid: "This is not a valid day. Enter it as day/month/year, for example 01/12/2026.",
    rangeInvalid: "The start day must be on or before the end day.",
    officeInvalid: "Choose an office from the list.",
    personLength: "The person search can be at most 100 characters.",
  },
};

export default en;
