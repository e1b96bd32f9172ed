import type { Translation } from "../types";
import type vi from "./officerChange.vi";

const officerChange: Translation<typeof vi> = {
  start: {
    title: "Ask for a change of enforcement officer",
    lead: "Ask the head of the enforcement office to replace the officer handling your case, on a ground the law lists.",
    whoHeading: "Who can use it",
    who: "A party to an enforcement case that has an assigned officer.",
    needHeading: "You need",
    need1: "The case's reference and access code (no code needed when signed in and the case is yours).",
    need2: "The legal ground for the change and what happened.",
    need3: "Evidence, if any: PDF, JPG, PNG or DOCX.",
    timeHeading: "How long it takes",
    time: "About 5 minutes. The head of office decides within the period of the law in force (shown on the case page once sent); the decision is served on you electronically.",
    startButton: "Start",
    continueHeading: "You have a form in progress",
    continueText: "Last saved at {{time}}.",
    continueButton: "Continue",
    startAgain: "Start a new form",
  },
  next: { one: "The head of office considers it and decides.", two: "The decision is served on you and shows on the enforcement case's timeline." },
  name: "request to change the enforcement officer",
  title: "Change of enforcement officer",
  grounds: {
    "related-to-party": "The officer is a relative of a party or has an interest in the case",
    "defender-or-witness": "The officer was a defender, a witness or a representative of a party in the same case",
    "delay-or-partiality": "The officer delays, or there are clear grounds to believe they are not impartial",
    "prohibited-acts": "The officer committed an act prohibited by the Law on Civil Judgment Enforcement 2025",
  },
  common: { optional: "(optional)", notProvided: "Not given", choose: "— Choose —", yes: "Yes", no: "No" },
  steps: { case: { title: "Enforcement case" }, applicant: { title: "Who is asking" }, grounds: { title: "Grounds" }, evidence: { title: "Evidence" } },
  fields: {
    reference: { label: "Enforcement case reference", hint: "For example YC-2026-0000042." },
    accessCode: { label: "Access code", hint: "Not needed if you are signed in and the case is yours." },
    name: { label: "Full name" },
    email: { label: "E-mail", hint: "To receive the decision and notices." },
    grounds: { label: "Grounds", options: { "related-to-party": "Related to a party", "defender-or-witness": "Defender or witness in the same case", "delay-or-partiality": "Delay or partiality", "prohibited-acts": "A prohibited act (2025 Law)" } },
    details: { label: "Details", hint: "Say what happened, when, and what you know." },
  },
  attachments: { types: { evidence: "Evidence", other: "Other document" } },
  errors: {
    noOfficer: "No officer has been assigned to this case yet.",
    name: "Enter your full name.",
    email: "Enter an e-mail address in the right format, like name@example.vn.",
    grounds: "Choose at least one ground.",
    groundNotInForce: "This ground is not yet in force.",
    details: "Say why you ask for the change.",
    tooLong: "Too long (at most 4,000 characters).",
  },
  case: {
    type: "Change of enforcement officer",
    states: { received: "Received, awaiting the head's decision", granted: "Change granted", refused: "Change refused" },
    party: {
      states: {
        received: "The head of the enforcement office is considering the request to change the officer.",
        granted: "The request was granted: the enforcement case was given to another officer.",
        refused: "The request was refused. The reasons are in the reply.",
      },
      next: {
        received: "You need do nothing more. The office will tell you when there is a decision.",
        granted: "There is nothing more to do. The new officer will contact you when needed.",
        refused: "If you disagree, you may complain as the law provides.",
      },
      happened: {
        received: "Your request to change the officer was received",
        grant: "Your request to change the officer was granted",
        refuse: "Your request to change the officer was refused",
      },
    },
    clocks: { decide: "Decide the request to change the officer" },
    events: {
      received: { title: "Request received" },
      grant: {
        title: "Grant the change of officer",
        fields: { newOfficerId: { label: "New officer" }, reason: { label: "Grounds for granting" }, newOfficerName: { label: "New officer" } },
      },
      refuse: { title: "Refuse the change", fields: { reason: { label: "Reasons for refusing" } } },
    },
    errors: { officer: "Choose the office's new officer.", reason: "Enter the reason.", tooLong: "Too long (at most 2,000 characters)." },
  },
};
export default officerChange;
