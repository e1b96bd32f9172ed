import type { Translation } from "../types";
import type handoff from "./handoff.vi";

const en: Translation<typeof handoff> = {
  title: "Hand-off to the case system",
  lead: "Every event of a case (accepted, refused, forwarded, officer assigned, closed …) is sent to the office's case system, in order. A message that still fails after its last try is in the dead-letter list: check it, then choose “Send again”.",
  views: { open: "Not delivered", dead: "Dead letters", delivered: "Delivered" },
  viewsLabel: "Filter by status",
  counts: "{{pending}} waiting · {{dead}} dead · {{delivered}} delivered",
  noEndpointCount_one: "{{count}} message is waiting because its office has no case-system endpoint configured (HANDOFF_ENDPOINTS).",
  noEndpointCount_other: "{{count}} messages are waiting because their office has no case-system endpoint configured (HANDOFF_ENDPOINTS).",
  caption: "Messages to the case system",
  empty: "No messages.",
  columns: {
    reference: "Case",
    type: "Event",
    office: "Office",
    status: "Status",
    attempts: "Tries",
    lastError: "Last error",
    when: "Time",
    action: "Action",
  },
  statuses: { pending: "Waiting", delivered: "Delivered", dead: "Dead letter", noEndpoint: "No endpoint", blocked: "Behind an earlier message" },
  nextAttempt: "Next try at {{time}}",
  deliveredAt: "Delivered at {{time}}",
  createdAt: "Created at {{time}}",
  caseNumber: "Case number: {{number}}",
  replay: "Send again",
  replayLabel: "Send message {{seq}} of case {{reference}} again",
  replayed: "The message is queued to be sent again. It goes before the later messages of the same case.",
  errors: {
    "not-found": "This message is not in the offices you are responsible for.",
    "not-dead": "This message is no longer a dead letter (it may have been sent again already).",
    invalid: "Invalid request.",
  },
  types: {
    accepted: "Accepted",
    refused: "Refused",
    forwarded: "Forwarded to the competent office",
    "officer-assigned": "Officer assigned",
    "officer-reassigned": "Officer reassigned",
    closed: "Closed",
  },
  seq: "#{{seq}}",
};
export default en;
