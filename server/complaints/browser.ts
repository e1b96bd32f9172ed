// The browser-safe entry of server/complaints (ADR 075): the journey definition, the case type and the kinds.
export { COMPLAINT_JOURNEY, COMPLAINT_PATH, type ComplaintAnswers, type ComplaintStep } from "./journey";
export { COMPLAINT_CASE, COMPLAINT_REFUSAL_GROUNDS } from "./case-type";
export * from "./kinds";
