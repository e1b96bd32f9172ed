import { redirect } from "@remix-run/node";
import { requireStaff } from "../accounts";
import { audit } from "../audit";
import { uuidParam, type RouteArgs } from "../http";
import { paths } from "../../vocabulary/paths";
import { caseTypeById } from "./registry";
import { loadCase } from "./load.server";
import { caseIdOfSubmission, submissionSection } from "./submissions.server";

/**
 * The staff case page (`/staff/cases/:id`), generic for every case type: the case (scoped in SQL: 404 when
 * it is not in the staff member's offices), its clocks with their rules, the submission (as its procedure
 * registered it), the whole event history, and the events this person may fire now. Viewing is audited.
 */
export async function loadStaffCase({ request, params, context }: RouteArgs) {
  const caseId = uuidParam(params.id);
  const staff = await requireStaff(request, context);
  const { sql } = context.services;
  const found = await loadCase(sql, { caseId, staffId: staff.id });
  if (!found) throw new Response(null, { status: 404 });
  const type = caseTypeById(found.case.caseType);
  await audit(sql, {
    actorType: "staff",
    actorId: staff.id,
    agencyId: found.case.agencyId,
    action: "case.viewed",
    targetType: "case",
    targetId: caseId,
    ip: context.clientIp,
    requestId: context.requestId,
  });
  const submission = await submissionSection(sql, { caseType: type.id, submissionId: found.case.submissionId, staffId: staff.id });
  return {
    content: type.content,
    finalStates: [...type.final],
    case: found.case,
    clocks: found.clocks.map((c) => ({
      clock: c.clock,
      state: c.state,
      dueOn: c.dueOn,
      remainingDays: c.remainingDays,
      endedAt: c.endedAt,
      left: c.left,
      rule: { id: c.rule.id, amount: c.rule.amount, unit: c.rule.unit, effectiveFrom: c.rule.effectiveFrom, basis: c.rule.basis, title: c.rule.title },
    })),
    events: found.events,
    availableEvents: found.availableEvents,
    submission,
  };
}

/** `/staff/requests/:id` (the page before cases existed): to the request's case page. */
export async function redirectSubmissionToCase({ request, params, context }: RouteArgs, caseType: string) {
  const submissionId = uuidParam(params.id);
  await requireStaff(request, context);
  const caseId = await caseIdOfSubmission(context.services.sql, { caseType, submissionId });
  if (!caseId) throw new Response(null, { status: 404 });
  throw redirect(paths.staff.case(caseId));
}
