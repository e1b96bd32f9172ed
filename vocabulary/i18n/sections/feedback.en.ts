import type { Translation } from "../types";
import type feedbackVi from "./feedback.vi";

const feedback: Translation<typeof feedbackVi> = {
  name: "Feedback and petitions",
  case: {
    states: { received: "Received", answered: "Answered", closed: "Closed" },
    party: {
      states: {
        received: "The office has received your feedback or petition and will answer it.",
        answered: "The office has answered your feedback or petition.",
        closed: "The handling of your feedback or petition is finished.",
      },
      next: {
        received: "You need do nothing more. Keep the reference and access code to read the answer.",
        answered: "Read the office's answer.",
        closed: "Nothing more to do.",
      },
      happened: { received: "Your feedback or petition was received", answer: "The office answered", close: "Closed" },
    },
    clocks: {},
    events: {
      received: { title: "Feedback or petition received" },
      answer: { title: "Answer", fields: { answer: { label: "Answer" } } },
      close: { title: "Close" },
    },
  },
};
export default feedback;
