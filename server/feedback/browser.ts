// What pages share of server/feedback: the journey definition and the case type (pure data).
export { FEEDBACK, FEEDBACK_KINDS, SERVICE_PATH as FEEDBACK_PATH } from "./journey";
export { FEEDBACK_CASE } from "./case-type";
