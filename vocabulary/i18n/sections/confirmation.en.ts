import type { Translation } from "../types";
import type vi from "./confirmation.vi";

const confirmation: Translation<typeof vi> = {
  name: "request to confirm the result of enforcement",
  title: "Confirmation of enforcement result",
  case: {
    type: "Confirmation of enforcement result",
    states: { received: "Received, awaiting confirmation", confirmed: "Confirmed", refused: "Confirmation refused", closed: "Closed" },
    party: {
      states: {
        received: "The enforcement office has received your request and is checking the result of enforcement in the case.",
        confirmed: "The enforcement office has issued a digitally signed certificate of the result of enforcement.",
        refused: "The enforcement office refused to confirm. The reason is in its reply.",
        closed: "The request for confirmation has been dealt with.",
      },
      next: {
        received: "You need do nothing more. The office will tell you when there is a result.",
        confirmed: "You can download the certificate and check its signature on the verification page.",
        refused: "If you can remedy the reason for the refusal, you may ask again.",
        closed: "There is nothing more to do.",
      },
      happened: {
        received: "Your request for confirmation was received",
        confirm: "A certificate of the result of enforcement was issued",
        refuse: "Your request for confirmation was refused",
        close: "Your request for confirmation was closed",
      },
    },
    clocks: { issue: "Issue the certificate of the result of enforcement" },
    events: {
      received: { title: "Request received" },
      confirm: {
        title: "Confirm the result of enforcement",
        fields: {
          amountCollected: { label: "Amount collected (đồng)", hint: "For example 15.000.000. Enter 0 if nothing was collected." },
          amountPaidOut: { label: "Amount paid out (đồng)", hint: "For example 10.000.000. Enter 0 if nothing was paid out." },
          obligations: { label: "State of each obligation", hint: "One obligation a line: fully enforced, partly enforced or not yet enforced." },
        },
      },
      refuse: { title: "Refuse to confirm", fields: { reason: { label: "Reason for refusal" } } },
      close: { title: "Close the case" },
    },
    errors: {
      amount: "Enter the amount in digits, for example 15.000.000.",
      obligations: "Enter the state of each obligation.",
      reason: "Enter the reason.",
      tooLong: "Too long (at most 2,000 characters).",
    },
  },
  verify: {
    title: "Verify a certificate of enforcement result",
    valid: "The certificate is valid",
    validBody: "The digital signature is correct: what follows is what the enforcement office signed.",
    invalid: "The certificate is not valid",
    invalidBody: "The digital signature does not match the content. Do not rely on this certificate.",
    notFoundTitle: "Certificate not found",
    notFoundBody: "There is no certificate with this code. Check the code printed on the certificate.",
    code: "Certificate code",
    reference: "Confirmation reference",
    relatedReference: "Enforcement case",
    applicant: "Requested by",
    office: "Issuing office",
    amountCollected: "Amount collected",
    amountPaidOut: "Amount paid out",
    obligations: "State of the obligations",
    confirmedAt: "Confirmed at",
    keys: "Public keys",
    howTo: "You can also check the JWS signature yourself with the public keys at {{url}}.",
  },
};
export default confirmation;
