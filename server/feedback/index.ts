// The public entry of server/feedback (feedback and petitions, issue 14 item 5; ADR 074). Importing it
// registers the journey with the generic procedure pages and the case type with the case engine.
export * from "./browser";
export { feedbackProcedure, fileFeedback } from "./procedure.server";
export { loadPublicAnswers, loadPublicAnswersPage, type PublicAnswer } from "./public-answers.server";
