import filingEn from "./sections/filing.en";
import accountEn from "./sections/account.en";
import secondFactorEn from "./sections/second-factor.en";
import type { Resource } from "./vi";
import type { Translation } from "./types";
import receiptsEn from "./sections/receipts.en";
import adminEn from "./sections/admin.en";
import answersEn from "./sections/answers.en";
import casesEn from "./sections/cases.en";
import deadlinesEn from "./sections/deadlines.en";
import auditlogEn from "./sections/auditlog.en";
import satisfactionEn from "./sections/satisfaction.en";
import statisticsEn from "./sections/statistics.en";
import inboxEn from "./sections/inbox.en";
import paymentsEn from "./sections/payments.en";
import workflowEn from "./sections/workflow.en";
import handoffEn from "./sections/handoff.en";
import statusEn from "./sections/status.en";
import followEn from "./sections/follow.en";
import lookupEn from "./sections/lookup.en";
import mycasesEn from "./sections/mycases.en";
import apiEn from "./sections/api.en";
import organisationsEn from "./sections/organisations.en";
import debtorListEn from "./sections/debtorList.en";
import submissionsEn from "./sections/submissions.en";
import denunciationsEn from "./sections/denunciations.en";
import feedbackEn from "./sections/feedback.en";
import serviceEn from "./sections/service.en";
import complaintsEn from "./sections/complaints.en";
import triageEn from "./sections/triage.en";
import confirmationEn from "./sections/confirmation.en";
import officerChangeEn from "./sections/officerChange.en";

/** English: typed from the Vietnamese resource, so a missing or extra key fails `tsc`. */
const en: Translation<Resource> = {
  meta: {
    siteName: "Civil Judgment Enforcement Online Services",
    siteShort: "THADS portal",
    description:
      "File enforcement requests, pay advance court fees, follow your case and receive documents online.",
  },
  layout: {
    skipLink: "Skip to main content",
    govLine: "Ministry of Justice · Civil Judgment Enforcement",
    navLabel: "Main navigation",
    nav: { home: "Home", services: "Services", staff: "Staff" },
    footer: {
      heading: "Contact",
      agency: "Department of Civil Judgment Enforcement Management – Ministry of Justice",
      address: "Address: 60 Tran Phu, Ba Dinh ward, Hanoi",
      hotline: "Hotline: 1900 0000 (office hours)",
      email: "E-mail: hotro@thads.gov.vn",
      hours: "Online submissions 24/7; processed during office hours.",
      note: "Pilot version. The data on this portal is demonstration data.",
    },
  },
  lang: {
    label: "Language",
    switchTo: "Tiếng Việt",
    switchToLang: "vi",
    submit: "Change language",
  },
  home: {
    title: "Civil judgment enforcement online services",
    lead: "Complete enforcement procedures online from start to finish: no trip to an office, one electronic receipt for every payment, your case status at any time.",
    servicesHeading: "Services",
    triageLink: "Not sure which service? See “What do you need to do?”",
    openService: "Open service",
    debtorListLink: "Search the list of judgment debtors who cannot yet pay",
    helpHeading: "Need help?",
    helpText: "Call the hotline or visit the reception desk of your nearest civil judgment enforcement office.",
  },
  services: {
    "yeu-cau-thi-hanh-an": {
      name: "File an enforcement request",
      description: "Submit your request and documents online and get a reference to follow it.",
    },
    "tong-dat-van-ban": {
      name: "Receive documents served electronically",
      description: "Receive and acknowledge decisions and notices from the enforcement office.",
    },
    "nop-tien": {
      name: "Pay enforcement money and advance court fees",
      description: "Pay through VNPay and get one verifiable electronic receipt at once.",
    },
    "khieu-nai-to-cao": {
      name: "Complaints, denunciations, feedback and petitions",
      description: "Send a complaint, denunciation, feedback or petition and receive the outcome.",
    },
    "xac-nhan-ket-qua": {
      name: "Confirmation of enforcement results",
      description: "Ask the enforcement office to confirm the result of your enforcement.",
    },
    "thay-doi-chap-hanh-vien": {
      name: "Request a change of enforcement officer",
      description: "Ask for another enforcement officer, with your reasons and documents.",
    },
    "danh-sach-chua-co-dieu-kien": {
      name: "Judgment debtors currently unable to pay",
      description: "Search the list published by law.",
    },
  },
  errors: {
    notFoundTitle: "Page not found",
    notFoundBody: "The page you are looking for does not exist or has moved. Please check the address.",
    serverTitle: "Something went wrong",
    serverBody: "The system had a problem handling your request. Nothing you entered has been lost; please try again in a few minutes.",
    unavailableTitle: "The service is temporarily unavailable",
    unavailableBody: "The portal cannot handle your request right now. Nothing you entered has been lost; please try again in a few minutes. If you have just paid, your money is not lost: the result will be updated when the service is back.",
    reference: "Reference: {{id}}",
    tooManyTitle: "Too many attempts",
    tooManyBody: "Please wait {{seconds, wait}} and try again.",
    forbiddenTitle: "Not allowed",
    forbiddenBody: "This request is not valid or you are not allowed to make it.",
    backHome: "Back to the home page",
    summaryTitle: "There are {{count}} problems to fix",
    titlePrefix: "Error: ",
    badRequestTitle: "What was sent could not be read",
    badRequestBody: "The form data sent is damaged or has characters that are not allowed. Go back to the previous page, check what you entered and send it again.",
    tooLargeTitle: "What was sent is too large",
    tooLargeBody: "One submission can be at most {{size}}. Go back to the previous page, shorten what you entered and send it again.",
    unsupportedTitle: "This was not sent from a form",
    unsupportedBody: "This page only takes data sent from the portal's own forms. Open the page again and send the form on it.",
  },
  validation: {
    controlChars: "{{field}} has control characters that are not allowed (such as a null or escape character). Delete them and enter it again, or type it instead of pasting.",
    lineBreaks: "{{field}} must be on one line. Delete the line breaks and tabs.",
    tooLong: "{{field}} must be {{max}} characters or fewer. Shorten it.",
    thisField: "This field",
  },
  staff: {
    signInTitle: "Staff sign-in",
    signInLead: "Staff of civil judgment enforcement offices sign in with their work e-mail.",
    email: "E-mail",
    password: "Password",
    signIn: "Sign in",
    signOut: "Sign out",
    signOutEverywhere: "Sign out on every device",
    badCredentials: "The e-mail or password is not correct.",
    emailRequired: "Enter your e-mail address.",
    emailInvalid: "Enter an e-mail address in the right format, like name@thads.gov.vn.",
    passwordRequired: "Enter your password.",
    passwordTooLong: "Your password must be 200 characters or fewer.",
    rateLimited: "Too many failed sign-ins. Please try again in {{seconds, wait}}.",
    areaTitle: "Staff workspace",
    welcome: "Hello, {{name}}",
    roleAt: "{{role}} – {{agency}}",
    yourRoles: "Your roles",
    useTheBar: "The parts of the staff area your roles let you use are in the staff bar at the top of every page.",
    signedOut: "You have signed out.",
    nav: {
      label: "Staff area",
      signedInAs: "Signed in: {{name}}",
      home: "Staff home",
      cases: "Work inbox",
      requests: "Enforcement requests",
      notices: "Fee notices",
      receipts: "Receipts",
      reconciliation: "Reconciliation",
      refunds: "Refunds",
      admin: "Administration",
      audit: "Audit log",
      statistics: "Statistics",
      handoff: "Hand-off to the case system",
      debtorList: "Debtors who cannot yet pay",
    },
    roles: {
      clerk: "Reception clerk",
      officer: "Enforcement officer",
      accountant: "Accountant",
      head: "Head of office",
      admin: "System administrator",
      "denunciation-handler": "Denunciation handler",
    },
  },
  filing: filingEn,
  account: accountEn,
  secondFactor: secondFactorEn,
  outbox: {
    title: "Outbox (development only)",
    lead: "While SMTP_URL is not set, messages are kept here instead of being sent.",
    empty: "No messages yet.",
    to: "To",
    subject: "Subject",
    at: "Time",
    view: "View",
  },
  email: {
    signInAlert: {
      subject: "Your account has just been signed in",
      preview: "Signed in at {{time}}",
      greeting: "Dear {{name}},",
      body: "Your staff account on the Civil Judgment Enforcement portal was signed in at {{time}} from IP address {{ip}}.",
      ifNotYou: "If this was not you, sign in, choose “Sign out on every device” and tell your administrator at once.",
      signature: "Civil Judgment Enforcement Online Services",
      automated: "This is an automated message; please do not reply.",
    },
  },
  payments: paymentsEn,
  receipts: receiptsEn,
  admin: adminEn,
  answers: answersEn,
  workflow: workflowEn,
  cases: casesEn,
  deadlines: deadlinesEn,
  auditlog: auditlogEn,
  inbox: inboxEn,
  handoff: handoffEn,
  status: statusEn,
  follow: followEn,
  lookup: lookupEn,
  mycases: mycasesEn,
  api: apiEn,
  organisations: organisationsEn,
  debtorList: debtorListEn,
  submissions: submissionsEn,
  denunciations: denunciationsEn,
  feedback: feedbackEn,
  service: serviceEn,
  complaints: complaintsEn,
  triage: triageEn,
  confirmation: confirmationEn,
  officerChange: officerChangeEn,
  satisfaction: satisfactionEn,
  statistics: statisticsEn,
};

export default en;
