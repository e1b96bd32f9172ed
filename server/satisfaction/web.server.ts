import { data } from "@remix-run/node";
import type { RouteArgs } from "../http";
import type { Sql } from "../db";
import { LOOKUP_PAGE_HEADERS, lookUpCaseFromForm, partyCaseView, type LookupPage, type PartyCaseView } from "../cases";
import {
  answerCase,
  caseOfSatisfactionToken,
  issueSatisfactionToken,
  spendSatisfactionToken,
  parseSatisfaction,
  satisfactionAnswered,
  type SatisfactionProblem,
} from "./answers.server";

/**
 * The satisfaction question on the party's pages (issue 14 item 8, ADR 081). `ask`: the form (with the
 * lookup page's token, the problems of the last post and what was typed); `thanks`: just answered;
 * `answered`: answered before (the question is not offered again).
 */
export type SatisfactionValues = { score: string; comment: string };
export type SatisfactionOffer =
  | { state: "ask"; token?: string; problems: SatisfactionProblem[]; values: SatisfactionValues }
  | { state: "thanks" }
  | { state: "answered" };

const EMPTY: SatisfactionValues = { score: "", comment: "" };

/** What was typed, as the form shows it again (bounded: a 1 MB comment is not echoed whole). */
export function satisfactionValues(form: FormData | null): SatisfactionValues {
  const text = (name: string, max: number) => {
    const v = form?.get(name);
    return typeof v === "string" ? v.slice(0, max) : "";
  };
  return { score: text("score", 2), comment: text("comment", 1100) };
}

/** The question for a case its party sees: none before the case is final, then ask or already answered. */
export async function satisfactionFor(sql: Sql, view: Pick<PartyCaseView, "caseId" | "final">): Promise<"ask" | "answered" | null> {
  if (!view.final) return null;
  return (await satisfactionAnswered(sql, view.caseId)) ? "answered" : "ask";
}

/** The lookup's found case: the question with a fresh token when it is to be asked. */
async function lookupOffer(sql: Sql, caseId: string, view: PartyCaseView): Promise<SatisfactionOffer | undefined> {
  const state = await satisfactionFor(sql, view);
  if (state === null) return undefined;
  if (state === "answered") return { state };
  return { state: "ask", token: await issueSatisfactionToken(sql, caseId), problems: [], values: EMPTY };
}

type Page = LookupPage<SatisfactionOffer>;

/**
 * POST `/tra-cuu`: the lookup itself (server/cases, with the question added to a final case), or, with
 * `intent=satisfaction`, the answer by the page's token. A problem shows the case and the question again
 * with what was typed (400); an unknown or expired token asks for the lookup again (400, "expired").
 */
export async function lookupPageAction(args: RouteArgs) {
  const form = await args.request.formData().catch(() => new FormData());
  if (form.get("intent") !== "satisfaction") return lookUpCaseFromForm<SatisfactionOffer>(args, { form, onFound: lookupOffer });
  const { sql } = args.context.services;
  const token = form.get("token");
  const caseId = await caseOfSatisfactionToken(sql, token);
  const found = caseId ? await partyCaseView(sql, { caseId }) : null;
  if (!caseId || !found) {
    return data({ found: false, reference: "", problems: ["expired"], retryAfter: 0 } satisfies Page as Page, { status: 400, headers: LOOKUP_PAGE_HEADERS });
  }
  const { caseId: _id, ...view } = found;
  const page = (extra: SatisfactionOffer | undefined, status = 200) =>
    data({ found: true, reference: view.reference, view, ...(extra ? { extra } : {}) } satisfies Page as Page, { status, headers: LOOKUP_PAGE_HEADERS });
  const parsed = parseSatisfaction({ score: form.get("score"), comment: form.get("comment") });
  if (!parsed.ok) return page({ state: "ask", token: token as string, problems: parsed.problems, values: satisfactionValues(form) }, 400);
  const outcome = await answerCase(sql, caseId, parsed.value);
  if (outcome === "answered" || outcome === "already-answered") await spendSatisfactionToken(sql, token as string);
  if (outcome === "answered") return page({ state: "thanks" });
  if (outcome === "already-answered") return page({ state: "answered" });
  // Not final (any more): the case as it is, no question.
  return page(undefined);
}
