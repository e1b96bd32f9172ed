import type { Translation } from "../types";
import type satisfaction from "./satisfaction.vi";

const en: Translation<typeof satisfaction> = {
  heading: "How satisfied are you?",
  question: "How satisfied are you with how this case was handled?",
  lead: "The case has been dealt with. Your answer carries no name or contact details: the office uses it only for statistics by office and procedure. Each case can be rated once.",
  scores: {
    "1": "Very dissatisfied",
    "2": "Dissatisfied",
    "3": "Neither satisfied nor dissatisfied",
    "4": "Satisfied",
    "5": "Very satisfied",
  },
  comment: "Anything else to tell us (optional)",
  commentHint: "At most 1,000 characters. Please do not write ID numbers, phone numbers or other personal details.",
  submit: "Send my rating",
  thanks: "Thank you for your rating. Your answer has been recorded.",
  answered: "This case has been rated. Thank you.",
  errors: {
    score: "Choose how satisfied you are, from “Very dissatisfied” to “Very satisfied”.",
    comment: "The comment can be at most 1,000 characters and cannot contain control characters.",
  },
};

export default en;
