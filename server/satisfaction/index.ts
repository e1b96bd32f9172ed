// The satisfaction question at closing (issue 14 item 8, docs/decisions/078).
export {
  parseSatisfaction,
  satisfactionAnswered,
  answerAsCitizen,
  answerByPair,
  answerByToken,
  issueSatisfactionToken,
  caseOfSatisfactionToken,
  SATISFACTION_COMMENT_MAX,
  SATISFACTION_TOKEN_MINUTES,
  type SatisfactionInput,
  type SatisfactionProblem,
  type SatisfactionOutcome,
} from "./answers.server";
export { lookupPageAction, satisfactionFor, satisfactionValues, type SatisfactionOffer, type SatisfactionValues } from "./web.server";
