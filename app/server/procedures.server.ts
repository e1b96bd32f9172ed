// Browser-build boundary for the generic procedure pages (ADR 074): the journey engine's procedure web
// functions, and every procedure registered with them (importing a procedure's entry registers it).
import "../../server/feedback";
import type { AppLoadContext } from "@remix-run/node";
import { loadProcedureStart } from "../../server/journeys";

export { startProcedure, loadProcedureStep, submitProcedureStep, loadProcedureReview, submitProcedureReview, loadProcedureDone } from "../../server/journeys";
export { loadPublicAnswers } from "../../server/feedback";
export type { ProcedureStartView, ProcedureStepView, ProcedureReviewView } from "../../server/journeys";
export type { SubmissionDoneView } from "../../server/submissions";

/** `/dich-vu/:slug`: a registered procedure's start page, else 404. */
export async function loadServiceStart(request: Request, context: AppLoadContext, slug: string | undefined) {
  const procedure = await loadProcedureStart(request, context, slug);
  if (!procedure) throw new Response(null, { status: 404 });
  return procedure;
}
