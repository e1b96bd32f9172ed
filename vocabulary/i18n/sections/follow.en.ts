import type { Translation } from "../types";
import type follow from "./follow.vi";

const en: Translation<typeof follow> = {
  email: {
    stateNow: "Where your case stands: {{state}}",
    next: "What happens next: {{next}}",
    lookup: "Look up your case (enter the reference and the tracking code you received when you filed): ",
    myCases: "Or sign in and see it in My cases: ",
    unsubscribe: "Don't want e-mails about this case any more? Turn them off here: ",
    answeredSubject: "Your reply for case {{reference}} has been received",
    answeredPreview: "We received your reply",
    answeredBody: "{{office}} has received the information and documents you sent for case {{reference}} and will continue to review the case.",
  },
  optOut: {
    title: "E-mail notifications",
    invalidHeading: "This link cannot be used",
    invalidBody: "This link to turn off e-mails is wrong or no longer valid. Open the link in the latest e-mail you received, or sign in and choose in My cases.",
    reference: "Reference",
    onLead: "You receive an e-mail each time something public happens on this case (accepted, officer assigned, decisions, money collected, paid out, closed …).",
    willStop: "If you turn them off, the portal will stop sending those e-mails for this case. You can still follow the case by lookup or in My cases. Requests from the office for more information are still sent, because you need to answer them.",
    turnOff: "Turn off e-mails",
    offLead: "You do not receive e-mails about this case's progress.",
    turnOn: "Turn e-mails back on",
    turnedOff: "E-mails about this case are turned off.",
    turnedOn: "E-mails about this case are turned back on.",
    badChoice: "Choose to turn e-mails off or on with the button below.",
    errorSummary: "There is a problem",
    lookupLink: "Look up a case",
  },
};

export default en;
