// The satisfaction question at closing (issue 14 item 8, docs/decisions/078).
export {
  parseSatisfaction,
  satisfactionAnswered,
  answerAsCitizen,
  answerByPair,
  SATISFACTION_COMMENT_MAX,
  type SatisfactionInput,
  type SatisfactionProblem,
  type SatisfactionOutcome,
} from "./answers.server";
