import type { Sql } from "../db";
import { accessCodeHash, lookupReference } from "../cases";
import { fileSubmission, REFERENCE_PREFIXES, type FiledSubmission } from "../submissions";
import type { SubmitContext, SubmitOutcome } from "../journeys";
import { COMPLAINT_CASE } from "./case-type";
import type { ComplaintAnswers, ComplaintStep } from "./journey";
import type { ComplainedOf, ComplaintKind } from "./kinds";
import { resolverFor } from "./routing.server";
import { complaintTimeLimit } from "./time-limit.server";

export type FiledComplaint = FiledSubmission & { late: boolean; dueOn: string };

/**
 * Files a complaint (ADR 075): the enforcement case it is about (findRelatedCase: own case by reference, else
 * the lookup pair), the office that resolves it (art. 142, from that case's office and the agency tree), the
 * time limit (art. 140) and whether it is late — a late complaint is filed with its reason and flagged to
 * staff in the stored answers (`assessment.late`) and the inbox search text. A second complaint names the
 * first complaint's case: it is linked (`assessment.firstCaseId`) and goes to the level above it.
 */
export async function fileComplaint(answers: ComplaintAnswers, ctx: SubmitContext): Promise<SubmitOutcome<ComplaintStep, FiledComplaint>> {
  const c = answers.case ?? {};
  const d = answers.decision ?? {};
  const who = answers.complainant ?? {};
  const related = await relatedCaseIn(ctx.tx, { reference: String(c.reference ?? ""), accessCode: typeof c.accessCode === "string" ? c.accessCode : null, citizenId: ctx.citizenId });
  if (!related) return { ok: false, step: "case" };
  const round = d.round === "second" ? "second" : "first";
  let firstCaseId: string | null = null;
  let routeFrom = related.agencyId;
  if (round === "second") {
    const [first] = await ctx.tx<{ id: string; agencyId: string }[]>`
      select c.id, c.agency_id as "agencyId" from cases c join submissions s on s.id = c.submission_id
      where c.reference = ${String(d.firstReference ?? "").trim().toUpperCase()} and c.case_type = 'complaint'
        and s.related_case_id = ${related.id}`;
    if (!first) return { ok: false, step: "decision" };
    firstCaseId = first.id;
    routeFrom = first.agencyId;
  }
  const resolver = await resolverFor(ctx.tx, { caseAgencyId: routeFrom, complainedOf: d.complainedOf as ComplainedOf, round });
  if (!resolver) return { ok: false, step: "decision" };
  const limit = await complaintTimeLimit(ctx.tx, { kind: d.kind as ComplaintKind, round, learnedOn: String(d.learnedOn) });
  if (limit.late && !String(d.lateReason ?? "").trim()) return { ok: false, step: "decision" };
  const filed = await fileSubmission(ctx, {
    procedure: "complaint",
    referencePrefix: REFERENCE_PREFIXES.complaint,
    caseType: COMPLAINT_CASE,
    agencyId: resolver.agencyId,
    answers: { ...answers, assessment: { late: limit.late, dueOn: limit.dueOn, ruleId: limit.ruleId, round, resolverLevel: resolver.level, final: resolver.final, firstCaseId } },
    applicantName: String(who.fullName ?? ""),
    applicantEmail: typeof who.email === "string" ? who.email : null,
    searchParts: [related.reference, d.decisionNumber as string, limit.late ? "khiếu nại quá hạn" : null, d.firstReference as string].filter((x): x is string => Boolean(x)),
    relatedCaseId: related.id,
    nameKey: "complaints.name",
  });
  return { ...filed, late: limit.late, dueOn: limit.dueOn };
}

/**
 * The enforcement case again, inside the filing transaction: the citizen's own by reference, else by the pair.
 * The journey's case step already checked the pair with findRelatedCase under the lookup's rate limits (its
 * limiter needs the pool, not this transaction); this only re-reads it, a wrong pair sending them back.
 */
async function relatedCaseIn(tx: Sql, { reference, accessCode, citizenId }: { reference: string; accessCode: string | null; citizenId: string | null }) {
  const ref = lookupReference(reference);
  if (!ref) return null;
  const hash = accessCode ? accessCodeHash(accessCode.trim()) : null;
  const [row] = await tx<{ id: string; reference: string; agencyId: string }[]>`
    select id, reference, agency_id as "agencyId" from cases
    where reference = ${ref} and case_type <> 'complaint'
      and ((${citizenId}::uuid is not null and citizen_id = ${citizenId}) or (${hash}::bytea is not null and access_code_hash = ${hash}))`;
  return row ?? null;
}
