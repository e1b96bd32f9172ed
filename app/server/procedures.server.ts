// Browser-build boundary for the generic procedure pages (ADR 074): the journey engine's procedure web
// functions, and every procedure registered with them (importing a procedure's entry registers it).
import "../../server/feedback";
import "../../server/complaints";
import "../../server/denunciations";
import "../../server/confirmation";
import "../../server/officer-change";
import type { AppLoadContext } from "@remix-run/node";
import { loadProcedureStart } from "../../server/journeys";

export { startProcedure, loadProcedureStep, submitProcedureStep, loadProcedureReview, submitProcedureReview, loadProcedureDone } from "../../server/journeys";
export { loadPublicAnswersPage } from "../../server/feedback";
export type { ProcedureStartView, ProcedureStepView, ProcedureReviewView } from "../../server/journeys";
export type { SubmissionDoneView } from "../../server/submissions";

/**
 * Procedures the home and triage pages name whose citizen pages are not online (none today: all six are,
 * issue 14): an honest page that says where to file instead, rather than a 404.
 */
const NOT_YET_ONLINE = new Set<string>([]);

/** `/dich-vu/:slug`: a registered procedure's start page, a known procedure not online yet, else 404. */
export async function loadServiceStart(request: Request, context: AppLoadContext, slug: string | undefined) {
  const procedure = await loadProcedureStart(request, context, slug);
  if (procedure) return { online: true as const, ...procedure };
  if (slug && NOT_YET_ONLINE.has(slug)) return { online: false as const, slug };
  throw new Response(null, { status: 404 });
}
