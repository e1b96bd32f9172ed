import type { Sql } from "../db";
import { journeyEngine, registerProcedure, type SubmitContext, type SubmitOutcome } from "../journeys";
import { getCitizen } from "../accounts";
import { lookupReference } from "../cases";
import { loadSubmissionDone, officeChoicesIn, officeIn, provinceChoices, submissionConfirmation, type FiledSubmission } from "../submissions";
import { DENUNCIATION_JOURNEY, DENUNCIATION_PATH, type DenunciationAnswers, type DenunciationStep } from "./journey";
import { fileDenunciation } from "./identity.server";

/**
 * Files a denunciation (ADR 076): only for a signed-in citizen, whose verified e-mail receives the result.
 * The submission keeps what is denounced; the denouncer's name, address, number and phone go only to
 * `denunciation_identities`. A related enforcement case is linked only when it is the citizen's own.
 */
export async function submitDenunciation(answers: DenunciationAnswers, ctx: SubmitContext): Promise<SubmitOutcome<DenunciationStep, FiledSubmission>> {
  if (!ctx.citizenId) return { ok: false, step: null };
  const citizen = await getCitizen(ctx.tx, { citizenId: ctx.citizenId });
  if (!citizen) return { ok: false, step: null };
  const about = answers.about ?? {};
  const office = await officeIn(ctx.tx, about.agency, answers.area?.province);
  if (!office) return { ok: false, step: "about" };
  const ref = lookupReference(String(about.caseReference ?? ""));
  const [own] = ref ? await ctx.tx<{ id: string }[]>`select id from cases where reference = ${ref} and citizen_id = ${ctx.citizenId}` : [];
  const d = answers.denouncer ?? {};
  const str = (v: unknown) => (typeof v === "string" && v ? v : null);
  return fileDenunciation(ctx, {
    agencyId: office.id,
    answers: { area: answers.area, about },
    identity: { fullName: String(d.fullName ?? ""), address: String(d.address ?? ""), idNumber: String(d.idNumber ?? ""), email: citizen.email, phone: str(d.phone) },
    relatedCaseId: own?.id ?? null,
    denouncedOfficer: str(about.denounced),
  });
}

export const denunciationEngine = journeyEngine({
  journey: DENUNCIATION_JOURNEY,
  submit: submitDenunciation,
  confirmation: submissionConfirmation(DENUNCIATION_PATH),
  resumeEmailJob: "send_filing_resume_link",
  rateLimitKey: "denunciation",
  async checkStep({ sql, step, values, answers }): Promise<Record<string, string[]> | null> {
    if (step.id === "area") return (await provinceChoices(sql)).some((p) => p.value === values.province) ? null : { province: ["denunciations.errors.province"] };
    if (step.id !== "about") return null;
    return (await officeIn(sql, values.agency, answers.area?.province)) ? null : { agency: ["denunciations.errors.agency"] };
  },
});

registerProcedure({
  engine: denunciationEngine,
  requireSignIn: true,
  stepOptions: async ({ sql, stepId, answers }): Promise<Record<string, { value: string; label: string }[]>> =>
    stepId === "area" ? { province: await provinceChoices(sql) } : stepId === "about" ? { agency: await officeChoicesIn(sql, answers.area?.province) } : {},
  done: (request, context) => loadSubmissionDone(request, context, { procedure: DENUNCIATION_JOURNEY.id }),
});
