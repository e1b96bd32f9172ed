import type { Translation } from "../types";
import type cases from "./cases.vi";

const en: Translation<typeof cases> = {
  types: { "enforcement-request": "Enforcement request" },
  enforcementRequest: {
    states: {
      received: "Received, awaiting a decision",
      awaitingCitizen: "Waiting for the applicant",
      accepted: "Accepted",
      refused: "Refused",
      officerAssigned: "Enforcement officer assigned",
      closed: "Closed",
    },
    clocks: {
      decide: "Decide: enforcement decision or refusal",
      corrections: "Ask for corrections to the request",
      notify: "Notify the enforcement decision",
    },
    events: {
      received: { title: "Request received" },
      askForMore: {
        title: "Ask for more information or documents",
        fields: {
          message: { label: "What is needed", hint: "The applicant reads this." },
          documentTypes: {
            label: "Documents to send",
            options: {
              judgment: "Judgment or decision",
              identity: "Identity document",
              authorisation: "Authorisation",
              assets: "Documents about assets or income",
              other: "Other document",
            },
          },
        },
      },
      citizenAnswered: {
        title: "The applicant answered",
        fields: { message: { label: "Answer" }, attachmentIds: { label: "Documents sent" } },
      },
      accept: {
        title: "Accept and issue the enforcement decision",
        fields: {
          decisionNumber: { label: "Enforcement decision number", hint: "For example: 125/QĐ-THADS." },
          decisionDate: { label: "Date of the decision" },
          caseNumber: { label: "Case number" },
        },
      },
      refuse: {
        title: "Refuse the enforcement request",
        fields: {
          ground: {
            label: "Legal ground",
            options: {
              "no-right-or-unrelated": "The applicant has no right to request, or the request is unrelated to the judgment (art. 31(5))",
              "not-competent": "The office is not competent (art. 31(5))",
              "time-limit-passed": "The time limit to request enforcement has passed (art. 31(5))",
            },
          },
          note: { label: "Reasons", hint: "The applicant reads this and may file again." },
        },
      },
      forward: {
        title: "Forward to the competent office",
        fields: { agencyId: { label: "Receiving office" }, agencyName: { label: "Receiving office" }, note: { label: "Note" } },
      },
      assignOfficer: {
        title: "Assign the enforcement officer",
        fields: { officerId: { label: "Enforcement officer" }, officerName: { label: "Enforcement officer" } },
      },
      reassignOfficer: {
        title: "Change the enforcement officer",
        fields: { officerId: { label: "New enforcement officer" }, officerName: { label: "Enforcement officer" }, note: { label: "Reason for the change" } },
      },
      decisionNotified: {
        title: "Enforcement decision notified",
        fields: {
          notifiedOn: { label: "Date notified" },
          method: { label: "How", options: { direct: "In person", post: "By post", electronic: "Electronically" } },
        },
      },
      assetsVerified: { title: "Debtor's conditions verified", fields: { note: { label: "Findings" } } },
      moneyCollected: { title: "Money collected", fields: { amount: { label: "Amount collected (VND)", hint: "For example: 15,000,000" } } },
      moneyPaidOut: { title: "Money paid out", fields: { amount: { label: "Amount paid out (VND)", hint: "For example: 15,000,000" } } },
      close: { title: "Close the enforcement", fields: { reason: { label: "Reason for closing" } } },
    },
  },
  errors: {
    notFound: "The case was not found, or it does not belong to your office.",
    forbidden: "You may not “{{event}}” on this case.",
    illegal: "You cannot {{event}} because the case is “{{state}}”.",
    conflict: "Someone else has just updated this case. Reload the page to see its new state, then try again.",
    required: "Enter {{field}}.",
    noteTooLong: "Use 2,000 characters or fewer.",
    decisionNumberTooLong: "The decision number has at most 50 characters.",
    dateRequired: "Enter a date.",
    dateFormat: "Enter a real date, for example 15/07/2026.",
    dateInFuture: "The date cannot be after today.",
    dateBeforeReceipt: "The date cannot be before the request was received.",
    groundRequired: "Choose the legal ground.",
    choice: "Choose one of the options.",
    agencyRequired: "Choose the receiving office.",
    agencyInvalid: "That office does not receive requests (it does not exist or is inactive).",
    agencySame: "The case is already at that office.",
    officerRequired: "Choose the enforcement officer.",
    officerNotAtOffice: "The person chosen is not an enforcement officer of the office handling the case.",
    officerUnchanged: "This person is already the case's enforcement officer.",
    amountRequired: "Enter the amount.",
    amountFormat: "Use digits only, for example 15,000,000.",
    amountFraction: "Amounts are whole đồng.",
    amountGrouping: "The thousands separators are wrong, for example 15,000,000.",
    amountTooSmall: "The amount must be more than 0.",
    amountTooLarge: "The amount is too large.",
  },
  clock: {
    due: "Due: {{date}}",
    left: "{{count}} working days left",
    dueToday: "due today",
    overdue: "{{count}} working days overdue",
    dueSoon: "Due soon",
    overdueBadge: "Overdue",
    stopped: "Stopped ({{count}} working days left when it resumes)",
    ended: "Done",
    basis: "Legal basis: {{basis}} (in force from {{date}})",
    rule: "{{amount}} {{unit}}",
    units: { working_days: "working days", days: "days", months: "months", years: "years" },
  },
  page: {
    back: "Back",
    type: "Type",
    state: "State",
    office: "Office",
    caseNumber: "Case number",
    externalCaseNumber: "Number in the case-acceptance system",
    officer: "Enforcement officer",
    assignee: "Held by",
    receivedAt: "Received",
    none: "None yet",
    clocksTitle: "Statutory deadlines",
    noClocks: "No deadline is running.",
    actionsTitle: "Actions",
    noActions: "You have no action on this case in its current state.",
    submissionTitle: "The request",
    historyTitle: "History",
    by: "by {{name}}",
    byCitizen: "the applicant",
    bySystem: "the portal",
    internal: "Internal",
    public: "Seen by the applicant",
  },
};

export default en;
