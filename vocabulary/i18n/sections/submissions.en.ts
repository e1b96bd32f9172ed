import type { Translation } from "../types";
import type submissionsVi from "./submissions.vi";

const submissions: Translation<typeof submissionsVi> = {
  done: {
    title: "Sent",
    lead: "The enforcement office has received your {{procedure}}.",
    reference: "Reference",
    accessCode: "Access code",
    keep: "Write down both codes: you need both to look the case up without signing in. The access code is shown only once.",
    office: "Receiving office",
    emailSent: "We have sent a confirmation to {{email}}.",
    noEmail: "You left no e-mail address, so no confirmation will be sent.",
    lookup: "Look up a case",
    myCases: "My cases",
    home: "Home",
    print: "Print this page",
    expired: "The confirmation page shows for one hour after sending, in the browser that sent it. The reference is in the confirmation e-mail.",
  },
  email: {
    subject: "{{procedure}} received – reference {{reference}}",
    preview: "The enforcement office has received your {{procedure}}, reference {{reference}}.",
    greeting: "Dear {{name}},",
    greetingNoName: "Dear Sir or Madam,",
    body: "At {{time}}, {{office}} received your {{procedure}}. Reference: {{reference}}.",
    follow: "Follow the case (you need the access code shown when you sent it):",
    keepCode: "For your safety this e-mail does not contain the access code. If you sign in with this address, the case appears under My cases.",
    signature: "Civil Judgment Enforcement public service portal",
    automated: "This e-mail was sent automatically; please do not reply.",
  },
  notOnline: {
    title: "This procedure cannot be filed online yet",
    body: "The portal does not take this procedure online yet. You can file it at the reception desk of a civil judgment enforcement office, or call the hotline for guidance.",
    triage: "See the procedures you can do online",
  },
  pages: {
    stepOf: "Step {{number}} of {{total}}",
    back: "Back",
    continue: "Continue",
    change: "Change",
    checkTitle: "Check before you send",
    checkLead: "Read it again. You can change any part before sending.",
    files: "Attached documents",
    submitHeading: "Send",
    submitText: "By pressing Send you confirm that the information above is true.",
    submit: "Send",
  },
  section: {
    title: "What was filed",
    submittedAt: "Sent at",
    applicant: "Sent by",
    email: "E-mail",
    files: "Attached documents",
    noFiles: "No documents attached.",
    redacted: "Some details are confidential and visible only to the staff entitled to them.",
  },
};
export default submissions;
