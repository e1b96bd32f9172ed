import type { Translation } from "../types";
import type lookup from "./lookup.vi";

const en: Translation<typeof lookup> = {
  title: "Look up a case",
  lead: "See the status of your case, the office and officer dealing with it, what you need to do next and its history, without signing in.",
  reference: "Reference",
  referenceHint: "On the confirmation page you saw when you filed, in the confirmation e-mail and on the request's PDF, for example YC-2026-0000123.",
  accessCode: "Access code",
  accessCodeHint: "16 letters and digits, for example ABCD-EFGH-JKLM-NPQR, shown once on the confirmation page when you filed. Upper or lower case both work.",
  submit: "Look up",
  errors: {
    referenceRequired: "Enter the reference",
    accessCodeRequired: "Enter the access code",
    expired: "This lookup page is more than 60 minutes old. Enter the case reference and access code again to see the case and send your rating.",
    notFound:
      "The reference or the access code is not right. Check the reference in the confirmation e-mail and the access code you kept from the confirmation page when you filed (16 letters and digits), then try again.",
    rateLimited_one: "There have been too many wrong lookups for this reference or from your connection. Please try again in {{count}} second.",
    rateLimited_other: "There have been too many wrong lookups for this reference or from your connection. Please try again in {{count}} seconds.",
    rateLimitedSignIn:
      "If you filed this request, you can still see it now: sign in with the e-mail address you gave when filing, and the case will be in your account.",
    signIn: "Sign in to see your cases",
  },
  found: {
    heading: "Status of {{reference}}",
    another: "Look up another case",
    privacy: "Names are partly hidden and no identity numbers are shown, to protect personal data.",
  },
  links: {
    follow: "Follow your case",
    followText: "See the status of your case at any time with the reference and the access code at",
    homeHeading: "Look up a case",
    homeText: "Already filed? See how far your case has got with its reference and access code, without signing in.",
    homeLink: "Look up a case",
    receipt: "Look up your case",
    pdf: "Follow this request with its reference and access code at: {{url}}",
  },
};
export default en;
