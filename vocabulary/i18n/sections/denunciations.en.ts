import type { Translation } from "../types";
import type denunciationsVi from "./denunciations.vi";

const denunciations: Translation<typeof denunciationsVi> = {
  name: "Denunciation",
  denouncerLabel: "Denouncer (confidential)",
  identityHidden: "The denouncer's identity is confidential: only the office's denunciation handlers can see it.",
  denouncer: { fullName: "Name of the denouncer", address: "Address", idNumber: "Personal ID number", email: "E-mail", phone: "Phone" },
  case: {
    states: {
      received: "Received, awaiting acceptance",
      accepted: "Accepted, being resolved",
      refused: "Not accepted",
      resolved: "Conclusion issued",
      closed: "Closed",
    },
    party: {
      states: {
        received: "The office has received your denunciation and is considering whether to accept it.",
        accepted: "Your denunciation has been accepted and is being resolved.",
        refused: "The office did not accept your denunciation. The reasons are in the notice sent to you.",
        resolved: "The office has concluded on your denunciation. The conclusion has been sent to you.",
        closed: "The handling of your denunciation is finished.",
      },
      next: {
        received: "You need do nothing more. The office will tell you when it accepts it.",
        accepted: "You need do nothing more. The office will send you its conclusion.",
        refused: "You can read the reasons in the notice and contact the office if needed.",
        resolved: "Read the conclusion on your denunciation.",
        closed: "Nothing more to do.",
      },
      happened: {
        received: "Your denunciation was received",
        accept: "Your denunciation was accepted",
        refuse: "Your denunciation was not accepted",
        extendComplex: "The period to resolve it was extended: the matter is complex",
        resolve: "A conclusion on your denunciation was issued",
        close: "The handling of your denunciation is finished",
      },
    },
    clocks: {
      accept: "Accept the denunciation",
      resolve: "Resolve the denunciation",
      resolveComplex: "Resolve the denunciation (complex matter)",
    },
    events: {
      received: { title: "Denunciation received" },
      accept: { title: "Accept the denunciation", fields: { note: { label: "Acceptance note" } } },
      refuse: { title: "Do not accept the denunciation", fields: { reason: { label: "Reason" } } },
      extendComplex: { title: "Extend: complex matter", fields: { reason: { label: "Reason for the extension" } } },
      resolve: { title: "Conclusion on the denunciation", fields: { conclusion: { label: "Conclusion" } } },
      close: { title: "Close the denunciation" },
    },
  },
};
export default denunciations;
