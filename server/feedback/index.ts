// The public entry of server/feedback (phản ánh, kiến nghị, issue 14 item 5, docs/decisions/076): the case
// type, filing (possibly anonymous) and the public answers.
import { registerFeedbackSection } from "./feedback.server";

export { FEEDBACK_CASE, FEEDBACK_KINDS, ANSWER_VISIBILITY } from "./case-type";
export { fileFeedback, publicAnswers, type FeedbackInput, type PublicAnswer } from "./feedback.server";

registerFeedbackSection();
