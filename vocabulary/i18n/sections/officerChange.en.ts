import type { Translation } from "../types";
import type vi from "./officerChange.vi";

const officerChange: Translation<typeof vi> = {
  name: "request to change the enforcement officer",
  title: "Change of enforcement officer",
  grounds: {
    "related-to-party": "The officer is a relative of a party or has an interest in the case",
    "defender-or-witness": "The officer was a defender, a witness or a representative of a party in the same case",
    "delay-or-partiality": "The officer delays, or there are clear grounds to believe they are not impartial",
    "prohibited-acts": "The officer committed an act prohibited by the Law on Civil Judgment Enforcement 2025",
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
